using Crm.Api.Common.Paging;
using Crm.Api.Domain.Access;
using Crm.Api.Domain.Customers;
using Crm.Api.Domain.Org;
using Crm.Api.Features.Access;
using Crm.Api.Features.Auth;
using Crm.Api.Features.Customers;
using Crm.Api.Features.Handovers;
using Crm.Api.Features.Org;

namespace Crm.Api.Common.Startup;

/// <summary>Example bodies shown in the contract and Swagger UI.</summary>
public static class OpenApiExamples
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 9, 30, 0, TimeSpan.Zero);

    private static readonly CustomerDetail Customer = new(
        1024, "KH000123", "上海华信贸易有限公司", "91310115MA1H7U5X64", EnterpriseNature.Private, null, "贸易", 5_000_000m, 12_000_000m,
        new DateOnly(2012, 5, 8), "上海市浦东新区张江路 100 号", "上海", CustomerCategory.FirstTierAgent, "A", CustomerStatus.Active,
        [RiskFlags.Arrears], new DateOnly(2023, 3, 2), new DateOnly(2023, 4, 15), 3, "华东营销部", new StaffRef(5, "王强"), 6, "客户服务中心",
        [new StaffRef(8, "刘洋")], ["重点", "价格敏感型"], 2, false, null, At, At, 3, null);

    private static readonly CustomerListItem ListItem = new(Customer.Id, Customer.Code, Customer.Name, Customer.CreditCode, Customer.Grade,
        Customer.Status, Customer.Category, Customer.Region, Customer.OwningUnitId, Customer.OwningUnitName, Customer.Owner.Id,
        Customer.Owner.Name, false, At);

    private static readonly KeyPersonDto KeyPerson = new(
        77, 1024, "陈建国", "总经理", KeyPersonLevel.Executive, "13812345678", "chen.jianguo@example.cn", new DateOnly(1972, 8, 16),
        "公司成立纪念日 05-08", "稳重，重视长期合作", "围棋、茶道", "硕士", 54, "已婚，一子", 1);

    private static readonly Dictionary<Type, object> Examples = new()
    {
        [typeof(IssueTokenRequest)] = new IssueTokenRequest("east.sales1", "Crm@demo2026"),
        [typeof(RefreshTokenRequest)] = new RefreshTokenRequest("q0V4mJ3yTn2xkG8cX1bR5sWfL7aZeD9hP6uQ0iO4vMc"),
        [typeof(TokenResponse)] = new TokenResponse("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9…", "Bearer", 900,
            "q0V4mJ3yTn2xkG8cX1bR5sWfL7aZeD9hP6uQ0iO4vMc", At.AddDays(14)),
        [typeof(CreateCustomerRequest)] = new CreateCustomerRequest
        {
            Name = "上海华信贸易有限公司", CreditCode = "91310115MA1H7U5X64", EnterpriseNature = EnterpriseNature.Private, Industry = "贸易",
            RegisteredCapital = 5_000_000m, Address = "上海市浦东新区张江路 100 号", Region = "上海", Category = CustomerCategory.FirstTierAgent,
            Grade = "A", Status = CustomerStatus.Active, FirstContactOn = new DateOnly(2023, 3, 2), CooperationStartOn = new DateOnly(2023, 4, 15),
            CoServerIds = [8], Tags = ["重点", "价格敏感型"],
        },
        [typeof(UpdateCustomerRequest)] = new UpdateCustomerRequest
        {
            Name = "上海华信贸易有限公司", CreditCode = "91310115MA1H7U5X64", EnterpriseNature = EnterpriseNature.Private, Industry = "贸易",
            Address = "上海市徐汇区漕溪北路 88 号", Region = "上海", Category = CustomerCategory.FirstTierAgent, Grade = "A",
            Status = CustomerStatus.Active, RiskFlags = [RiskFlags.Arrears], Tags = ["重点"],
        },
        [typeof(CustomerDetail)] = Customer,
        [typeof(CustomerListItem)] = ListItem,
        [typeof(CustomerHistoryDto)] = new CustomerHistoryDto(5531, Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), HistoryAction.Updated,
            "address", "上海市浦东新区张江路 100 号", "上海市徐汇区漕溪北路 88 号", At, new StaffRef(5, "王强")),
        [typeof(AddKeyPersonRequest)] = new AddKeyPersonRequest
        {
            Name = "陈建国", Title = "总经理", Level = KeyPersonLevel.Executive, Phone = "13812345678", Email = "chen.jianguo@example.cn",
            Birthday = new DateOnly(1972, 8, 16), Interests = "围棋、茶道",
        },
        [typeof(UpdateKeyPersonRequest)] = new UpdateKeyPersonRequest
        {
            Name = "陈建国", Title = "董事长", Level = KeyPersonLevel.Executive, Phone = "13812345678", Birthday = new DateOnly(1972, 8, 16),
        },
        [typeof(KeyPersonDto)] = KeyPerson,
        [typeof(CreateOrgUnitRequest)] = new CreateOrgUnitRequest("苏州办事处", "EAST-SZ", OrgUnitKind.Sales, 3),
        [typeof(UpdateOrgUnitRequest)] = new UpdateOrgUnitRequest("华东营销部苏州办事处", "EAST-SZ", OrgUnitKind.Sales),
        [typeof(MoveOrgUnitRequest)] = new MoveOrgUnitRequest(4),
        [typeof(OrgUnitDto)] = new OrgUnitDto(9, "苏州办事处", "EAST-SZ", OrgUnitKind.Sales, 3, "/1/3/9/", 2, true, 1),
        [typeof(CreateStaffRequest)] = new CreateStaffRequest("east.sales3", "赵敏", 3, [Positions.AccountManager], "zhao.min@example.cn", "13900001111", "Welcome2026"),
        [typeof(UpdateStaffRequest)] = new UpdateStaffRequest("赵敏", 3, [Positions.AccountManager, Positions.DeputyManager], "zhao.min@example.cn", "13900001111"),
        [typeof(StaffDto)] = new StaffDto(12, "east.sales3", "赵敏", 3, "华东营销部", [Positions.AccountManager], "zhao.min@example.cn", "13900001111", true, ["account-manager", "employee"], 1),
        [typeof(ResetStaffPasswordRequest)] = new ResetStaffPasswordRequest("NewPassw0rd2026"),
        [typeof(MeResponse)] = new MeResponse(5, "east.sales1", "王强", 3, "华东营销部", OrgUnitKind.Sales, ["AccountManager"],
            ["account-manager", "employee"], ["customers.read", "customers.readSensitive", "customers.write", "org.read"],
            new Dictionary<string, DataScope>
            {
                ["customers.read"] = DataScope.Own, ["customers.readSensitive"] = DataScope.Own, ["customers.write"] = DataScope.Own, ["org.read"] = DataScope.All,
            },
            "Own"),
        [typeof(Paged<CustomerListItem>)] = new Paged<CustomerListItem>([ListItem], 1, 20, 1, false),
        [typeof(CreateHandoverRequest)] = new CreateHandoverRequest(5, 6, null, "张伟调往华南营销部，客户由刘芳接手。", DisableLeaver: true),
        [typeof(HandoverDetail)] = new HandoverDetail(41, new StaffRef(5, "张伟"), new StaffRef(6, "刘芳"), At, new StaffRef(3, "陈卫东"),
            "张伟调往华南营销部，客户由刘芳接手。", true, 1, 1,
            [
                new HandoverItemDto(1024, "KH000123", "上海华信贸易有限公司", HandoverRole.Owner, 3, 5, 3, 6),
                new HandoverItemDto(1031, null, null, HandoverRole.CoServer, 4, 9, 4, 9),
            ]),
        [typeof(StaffCustomerSummary)] = new StaffCustomerSummary(42, 7, 3),
        [typeof(CreateAccessRequestRequest)] = new CreateAccessRequestRequest(1024, "参加该客户的联合投标，需要了解其采购情况。", 3),
        [typeof(DecideAccessRequestRequest)] = new DecideAccessRequestRequest("同意，三天内有效。"),
        [typeof(RevokeAccessGrantRequest)] = new RevokeAccessGrantRequest("投标已结束。"),
        [typeof(AccessRequestDto)] = new AccessRequestDto(88, 1024, "上海华信贸易有限公司", "华东营销部", new StaffRef(7, "林晓峰"), new StaffRef(1, "王建国"),
            ApprovalRoute.OtherUnit, "参加该客户的联合投标，需要了解其采购情况。", 3, AccessRequestStatus.Approved, At, At.AddHours(2),
            new StaffRef(1, "王建国"), "同意，三天内有效。",
            new AccessGrantDto(31, 88, 1024, "上海华信贸易有限公司", new StaffRef(7, "林晓峰"), new StaffRef(1, "王建国"), At.AddHours(2), At.AddHours(2).AddDays(3),
                null, null, true), 2),
        [typeof(CustomerLookupResult)] = new CustomerLookupResult(1024, "上海华信贸易有限公司", 3, "华东营销部", false),
        [typeof(CreateRoleRequest)] = new CreateRoleRequest("auditor", "审计员", "查阅全部档案和查阅日志，不能修改。",
            [new PermissionGrant(Permissions.CustomersRead, DataScope.All), new PermissionGrant(Permissions.AccessAuditLog, DataScope.All)]),
        [typeof(UpdateRoleRequest)] = new UpdateRoleRequest("审计员", "查阅全部档案和查阅日志。",
            [new PermissionGrant(Permissions.CustomersRead, DataScope.All), new PermissionGrant(Permissions.AccessAuditLog, DataScope.All)]),
        [typeof(SetStaffRolesRequest)] = new SetStaffRolesRequest([1, 5]),
    };

    public static object? For(Type type) => Examples.GetValueOrDefault(type);
}
