using Crm.Api.Domain.Customers;

namespace Crm.Api.Features.Export;

/// <summary>The zh-CN names of the enum values as people read them in an exported sheet.</summary>
public static class ExportLabels
{
    public static string Of(CustomerStatus status) => status switch
    {
        CustomerStatus.Potential => "潜在",
        CustomerStatus.Active => "合作中",
        CustomerStatus.Dormant => "休眠",
        CustomerStatus.Lost => "流失",
        _ => status.ToString(),
    };

    public static string Of(CustomerCategory category) => category switch
    {
        CustomerCategory.FirstTierAgent => "一级代理",
        CustomerCategory.SecondTierAgent => "二级代理",
        CustomerCategory.Distributor => "经销商",
        CustomerCategory.Retailer => "零售商",
        CustomerCategory.EndUser => "终端用户",
        CustomerCategory.Designer => "设计推荐人",
        CustomerCategory.ProjectOwner => "工程业主",
        CustomerCategory.StrategicPartner => "战略合作伙伴",
        CustomerCategory.OtherBrandAgent => "其他品牌代理",
        CustomerCategory.Other => "其他",
        _ => category.ToString(),
    };

    public static string Of(EnterpriseNature nature) => nature switch
    {
        EnterpriseNature.StateOwned => "国有企业",
        EnterpriseNature.Private => "民营企业",
        EnterpriseNature.JointVenture => "合资企业",
        EnterpriseNature.WhollyOwnedSubsidiary => "全资子公司",
        EnterpriseNature.Foreign => "外资企业",
        EnterpriseNature.Collective => "集体企业",
        EnterpriseNature.Individual => "个体工商户",
        EnterpriseNature.Other => "其他",
        _ => nature.ToString(),
    };
}
