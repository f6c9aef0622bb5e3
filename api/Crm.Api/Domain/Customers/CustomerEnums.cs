namespace Crm.Api.Domain.Customers;

/// <summary>企业性质.</summary>
public enum EnterpriseNature
{
    StateOwned,
    Private,
    JointVenture,
    WhollyOwnedSubsidiary,
    Foreign,
    Collective,
    Individual,
    Other,
}

/// <summary>Relationship category (一级代理, 二级代理, 经销商 …).</summary>
public enum CustomerCategory
{
    FirstTierAgent,
    SecondTierAgent,
    Distributor,
    Retailer,
    EndUser,
    Designer,
    ProjectOwner,
    StrategicPartner,
    OtherBrandAgent,
    Other,
}

public enum CustomerStatus
{
    Potential,
    Active,
    Dormant,
    Lost,
}

/// <summary>Risk flags: 经营状况差, 欠账, 信誉度下降, 面临破产改制.</summary>
[Flags]
public enum RiskFlags
{
    None = 0,
    PoorOperation = 1,
    Arrears = 2,
    CreditDecline = 4,
    Bankruptcy = 8,
}

/// <summary>Level of a customer's key person (客户关键人员).</summary>
public enum KeyPersonLevel
{
    Executive,
    BusinessManager,
    MiddleManager,
    KeyStaff,
}

public static class RiskFlagNames
{
    public static IReadOnlyList<RiskFlags> Split(this RiskFlags flags) =>
        Enum.GetValues<RiskFlags>().Where(f => f != RiskFlags.None && flags.HasFlag(f)).ToList();

    public static RiskFlags Combine(IEnumerable<RiskFlags> flags) => flags.Aggregate(RiskFlags.None, (all, f) => all | f);
}
