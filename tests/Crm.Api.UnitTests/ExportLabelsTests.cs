using Crm.Api.Domain.Customers;
using Crm.Api.Features.Export;

namespace Crm.Api.UnitTests;

public sealed class ExportLabelsTests
{
    [Fact]
    public void Every_status_category_and_enterprise_nature_has_a_chinese_label()
    {
        var labels = Enum.GetValues<CustomerStatus>().Select(ExportLabels.Of)
            .Concat(Enum.GetValues<CustomerCategory>().Select(ExportLabels.Of))
            .Concat(Enum.GetValues<EnterpriseNature>().Select(ExportLabels.Of))
            .ToList();

        labels.ShouldAllBe(l => l.Any(ch => ch >= '\u4e00' && ch <= '\u9fff'));
        Enum.GetValues<CustomerCategory>().Select(ExportLabels.Of).ShouldBeUnique();
        ExportLabels.Of(CustomerStatus.Active).ShouldBe("合作中");
        ExportLabels.Of(CustomerCategory.FirstTierAgent).ShouldBe("一级代理");
    }

    [Fact]
    public void The_download_name_has_an_ascii_fallback_and_the_chinese_name_in_rfc_5987_form()
    {
        ExportFiles.ContentDisposition("客户清单-20261123-0930.csv").ShouldBe(
            "attachment; filename=\"customers-20261123-0930.csv\"; filename*=UTF-8''%E5%AE%A2%E6%88%B7%E6%B8%85%E5%8D%95-20261123-0930.csv");
    }
}
