namespace Crm.Api.Domain.Access;

/// <summary>The permission catalogue. Roles grant these with a data scope; see <see cref="DefaultRoles"/>.</summary>
public static class Permissions
{
    public const string CustomersRead = "customers.read";
    public const string CustomersWrite = "customers.write";
    public const string CustomersArchive = "customers.archive";
    public const string CustomersAssign = "customers.assign";
    public const string CustomersExport = "customers.export";
    public const string CustomersReadSensitive = "customers.readSensitive";
    public const string CustomersHandover = "customers.handover";
    public const string ActivitiesWrite = "activities.write";
    public const string ActivitiesManage = "activities.manage";
    public const string AccessApprove = "access.approve";
    public const string AccessAuditLog = "access.auditLog";
    public const string ClassificationRun = "classification.run";
    public const string ClassificationApprove = "classification.approve";
    public const string ClassificationSchemes = "classification.schemes";
    public const string ClassificationOverride = "classification.override";
    public const string DeadlinesManage = "deadlines.manage";
    public const string KpiManage = "kpi.manage";
    public const string ComplaintsManage = "complaints.manage";
    public const string OrgRead = "org.read";
    public const string AdminRoles = "admin.roles";
    public const string AdminUsers = "admin.users";
    public const string AdminOrg = "admin.org";
    public const string AdminCalendar = "admin.calendar";
    public const string IntegrationClients = "integration.clients";
    public const string IntegrationWebhooks = "integration.webhooks";

    /// <summary>Every permission with its meaning for administrators (zh-CN).</summary>
    public static IReadOnlyDictionary<string, string> Catalogue { get; } = new Dictionary<string, string>
    {
        [CustomersRead] = "查阅客户档案",
        [CustomersWrite] = "登记和维护客户档案",
        [CustomersArchive] = "归档和恢复客户",
        [CustomersAssign] = "指定客户的负责人、所属单元和服务单位",
        [CustomersExport] = "导出客户清单（CSV / XLSX）",
        [CustomersReadSensitive] = "查看关键人员的联系方式和个人信息（否则脱敏显示）",
        [CustomersHandover] = "客户交接：把人员的客户移交给接任者",
        [ActivitiesWrite] = "登记跟进记录（走访、电话、邮件等），修改和删除自己登记的",
        [ActivitiesManage] = "修改和删除他人登记的跟进记录",
        [AccessApprove] = "审批档案查阅申请",
        [AccessAuditLog] = "查询档案查阅日志并校验其完整性",
        [ClassificationRun] = "发起客户评级",
        [ClassificationApprove] = "审核评级结果",
        [ClassificationSchemes] = "维护分级方案（规则、评分、版本）",
        [ClassificationOverride] = "人工调整客户等级（须填写原因）",
        [DeadlinesManage] = "管理备案、变更报告等期限",
        [KpiManage] = "管理考核与奖惩：月度考核、关账、调整、年度评分表",
        [ComplaintsManage] = "处理客户投诉：调查定责、返工、答复、归档",
        [OrgRead] = "查看组织架构和人员",
        [AdminRoles] = "管理角色与权限",
        [AdminUsers] = "管理人员账号",
        [AdminOrg] = "管理组织架构",
        [AdminCalendar] = "维护工作日历",
        [IntegrationClients] = "管理第三方系统接入（API 客户端、密钥、授权范围）",
        [IntegrationWebhooks] = "管理事件订阅（Webhook）：只收到自己可见客户的事件",
    };

    public static IReadOnlyList<string> All { get; } = Catalogue.Keys.ToList();

    public static bool IsKnown(string permission) => Catalogue.ContainsKey(permission);
}
