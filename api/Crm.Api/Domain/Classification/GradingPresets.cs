using System.Globalization;
using Crm.Api.Domain.Customers;
using static Crm.Api.Domain.Classification.ConditionOperator;

namespace Crm.Api.Domain.Classification;

/// <summary>The two policies of DOMAIN.md §3 as schemes, the defaults an administrator starts from and edits.</summary>
public static class GradingPresets
{
    public const string ManufacturerCode = "manufacturer";
    public const string LogisticsCode = "logistics";

    /// <summary>Tonnes a month (合同量在5000吨/月以上) for a first-tier agent to be A.</summary>
    public const decimal FirstTierAgentMonthlyVolume = 5000m;

    public const int AgentCooperationYears = 3;
    public const decimal SecondTierAgentShareOfWallet = 0.5m;
    public const decimal LogisticsAnnualAmountA = 2_000_000m;
    public const decimal LogisticsAnnualAmountB = 200_000m;
    public const int LogisticsCooperationYearsA = 2;

    /// <summary>"结算时间稳定" made measurable: no bad credit and no month overdue longer than this in the window.</summary>
    public const int StableSettlementMaxDaysOverdue = 30;

    public static IReadOnlyList<GradingScheme> All => [Manufacturer(), Logistics()];

    /// <summary>客户管理办法 (first document), 三、客户分类.</summary>
    public static GradingScheme Manufacturer() => new(
        ManufacturerCode,
        "客户管理办法（重要/次重要/一般/潜在）",
        [new("A", "重要", 1), new("B", "次重要", 2), new("C", "一般", 3), new("D", "潜在", 4)],
        [
            // A before D: the policy makes joint ventures, subsidiaries, strategic partners and qualifying agents A by
            // what they are, so a customer still marked potential that meets an A rule is A.
            Rule("m-a-jv", "合资公司、全资子公司", "A",
                Cond(GradingFields.EnterpriseNature, In, nameof(EnterpriseNature.JointVenture), nameof(EnterpriseNature.WhollyOwnedSubsidiary))),
            Rule("m-a-first-tier-volume", "合同量在5000吨/月以上且无不良信用记录的一级代理", "A",
                Cond(GradingFields.Category, Eq, nameof(CustomerCategory.FirstTierAgent)),
                Cond(GradingFields.AverageMonthlyVolume, Gte, Num(FirstTierAgentMonthlyVolume)),
                Cond(GradingFields.BadCredit, Eq, "false")),
            // 中小代理商: the policy names no size, so any first- or second-tier agent.
            Rule("m-a-agent-years", "合作历史3年以上且无不良信用记录的中小代理商", "A",
                Cond(GradingFields.Category, In, nameof(CustomerCategory.FirstTierAgent), nameof(CustomerCategory.SecondTierAgent)),
                Cond(GradingFields.CooperationYears, Gte, Num(AgentCooperationYears)),
                Cond(GradingFields.BadCredit, Eq, "false")),
            Rule("m-a-second-tier-share", "我司产品采购量占其总量在50%以上的二级代理商", "A",
                Cond(GradingFields.Category, Eq, nameof(CustomerCategory.SecondTierAgent)),
                Cond(GradingFields.ShareOfWallet, Gte, Num(SecondTierAgentShareOfWallet))),
            Rule("m-a-strategic", "其他战略合作伙伴", "A",
                Cond(GradingFields.Category, Eq, nameof(CustomerCategory.StrategicPartner))),
            // 重点终端客户 (A) and 区域市场重点终端用户 (B) need a "key end customer" judgement the input does not
            // carry (no tag field); such customers fall to C until a person overrides the grade.
            Rule("m-d-potential", "潜在客户", "D",
                Cond(GradingFields.Status, Eq, nameof(CustomerStatus.Potential))),
            Rule("m-b-agents", "其他代理商", "B",
                Cond(GradingFields.Category, In, nameof(CustomerCategory.FirstTierAgent), nameof(CustomerCategory.SecondTierAgent))),
            Rule("m-b-distributors", "各区域市场采购我司产品的其他经销商、零售商", "B",
                Cond(GradingFields.Category, In, nameof(CustomerCategory.Distributor), nameof(CustomerCategory.Retailer)),
                Cond(GradingFields.Status, Eq, nameof(CustomerStatus.Active))),
            Rule("m-b-designers", "设计（推荐）使用产品的权威人士", "B",
                Cond(GradingFields.Category, Eq, nameof(CustomerCategory.Designer))),
        ],
        "C",
        Description: "依据《客户管理办法》客户分类原则。原文将潜在客户列为C类；本系统统一以D表示潜在客户（状态为潜在），" +
                     "C表示其余的现实客户（如其他品牌代理商、工程业主、终端用户）。A类规则优先于潜在客户规则：" +
                     "合资公司等即使仍为潜在状态也评为A。“重点终端客户”“区域市场重点终端用户”无法由数据判断，需人工调整等级。" +
                     "“采购我司产品”以客户状态为活跃判断。");

    /// <summary>The logistics company's policy (关键/普通/一般/潜在).</summary>
    public static GradingScheme Logistics() => new(
        LogisticsCode,
        "物流客户分类（关键/普通/一般/潜在）",
        [new("A", "关键", 1), new("B", "普通", 2), new("C", "一般", 3), new("D", "潜在", 4)],
        [
            Rule("l-d-potential", "急待拓展开发的客户（潜在客户）", "D",
                Cond(GradingFields.Status, Eq, nameof(CustomerStatus.Potential))),
            Rule("l-a-amount", "综合年产值达200万以上", "A",
                Cond(GradingFields.AnnualOrderAmount, Gte, Num(LogisticsAnnualAmountA))),
            Rule("l-a-years-stable", "合作时间2年以上且结算时间稳定", "A",
                Cond(GradingFields.CooperationYears, Gte, Num(LogisticsCooperationYearsA)),
                Cond(GradingFields.BadCredit, Eq, "false"),
                Cond(GradingFields.MaxDaysOverdue, Lte, Num(StableSettlementMaxDaysOverdue))),
            // Upper ends are inclusive but 2,000,000 is already A above; 2 years without stable settlement stays B.
            Rule("l-b-amount", "综合年产值在20-200万以内", "B",
                Cond(GradingFields.AnnualOrderAmount, Between, Num(LogisticsAnnualAmountB), Num(LogisticsAnnualAmountA))),
            Rule("l-b-years", "合作时间在1至2年内", "B",
                Cond(GradingFields.CooperationYears, Between, "1", Num(LogisticsCooperationYearsA))),
        ],
        "C",
        Description: "潜在客户（状态为潜在）先判为D。A类：近12个月订单金额≥200万元，或合作满2年且结算稳定；" +
                     $"“结算稳定”指无不良信用记录且近12个月最长逾期不超过{StableSettlementMaxDaysOverdue}天（无经营数据视为不稳定）。" +
                     "B类：订单金额20万–200万元，或合作1–2年。其余为C类。");

    private static GradingRule Rule(string id, string name, string grade, params Condition[] conditions) =>
        new(id, name, grade, RuleMatch.All, conditions);

    private static Condition Cond(string field, ConditionOperator op, params string[] values) => new(field, op, values);

    private static string Num(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
