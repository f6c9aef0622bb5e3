using System.Text;
using Crm.Api.Domain.Imports;
using Crm.Api.Features.Imports;

namespace Crm.Api.UnitTests.Imports;

public sealed class ImportFileReaderTests
{
    [Theory]
    [InlineData("客户名称", "name")]
    [InlineData("NAME", "name")]
    [InlineData(" 统一社会信用代码 ", "creditCode")]
    [InlineData("\uFEFFcreditCode", "creditCode")]
    [InlineData("所属单元 ID", "owningUnitId")]
    [InlineData("更新时间", null)]
    public void Chinese_and_english_headers_name_the_same_customer_fields(string header, string? field) =>
        ImportColumns.FieldOf(ImportKind.Customers, header).ShouldBe(field);

    [Fact]
    public void Csv_rows_are_numbered_as_the_sheet_shows_them_and_blank_lines_are_skipped()
    {
        var csv = "月份,客户ID,订单金额\n2025-01,1,10\n\n2025-02,2,\n";

        var read = ImportFileReader.Read(ImportKind.Facts, ImportFormat.Csv, Encoding.UTF8.GetBytes(csv), 100);

        read.IsSuccess.ShouldBeTrue();
        read.Value!.Select(r => r.Row).ShouldBe([2, 4]);
        read.Value![0].Cells.ShouldBe(new Dictionary<string, string> { ["month"] = "2025-01", ["customerId"] = "1", ["orderAmount"] = "10" });
        read.Value![1].Cells.ContainsKey("orderAmount").ShouldBeFalse();
    }

    [Fact]
    public void Gb18030_csv_as_excel_saves_it_on_chinese_windows_is_read()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding("GB18030").GetBytes("客户名称,统一社会信用代码\n上海华信贸易有限公司,91310115MA1K3YJ12X\n");

        var read = ImportFileReader.Read(ImportKind.Customers, ImportFormat.Csv, bytes, 100);

        read.Value!.Single().Cells["name"].ShouldBe("上海华信贸易有限公司");
    }

    [Fact]
    public void Json_arrays_become_lists_and_rows_count_from_one()
    {
        var json = """[{"name":"甲","creditCode":"x","tags":["a","b"],"registeredCapital":1.5}]""";

        var read = ImportFileReader.Read(ImportKind.Customers, ImportFormat.Json, Encoding.UTF8.GetBytes(json), 100);

        var row = read.Value!.Single();
        row.Row.ShouldBe(1);
        row.Cells["tags"].ShouldBe("a;b");
        row.Cells["registeredCapital"].ShouldBe("1.5");
    }

    [Fact]
    public void Too_many_rows_missing_columns_and_unreadable_files_are_refused_with_their_codes()
    {
        ImportFileReader.Read(ImportKind.Facts, ImportFormat.Csv, Encoding.UTF8.GetBytes("customerId,month\n1,2025-01\n1,2025-02\n"), 1)
            .Error!.Code.ShouldBe("importTooManyRows");
        ImportFileReader.Read(ImportKind.Facts, ImportFormat.Csv, Encoding.UTF8.GetBytes("customerId,amount\n1,2\n"), 10)
            .Error!.Code.ShouldBe("importMissingColumns");
        ImportFileReader.Read(ImportKind.Customers, ImportFormat.Json, Encoding.UTF8.GetBytes("{\"name\":"), 10)
            .Error!.Code.ShouldBe("importUnreadable");
        ImportFileReader.Read(ImportKind.Customers, ImportFormat.Xlsx, [1, 2, 3], 10).Error!.Code.ShouldBe("importUnreadable");
    }

    [Theory]
    [InlineData(null, "a.xlsx", null, ImportFormat.Xlsx)]
    [InlineData(null, "", "application/json; charset=utf-8", ImportFormat.Json)]
    [InlineData("CSV", "a.xlsx", null, ImportFormat.Csv)]
    [InlineData(null, "data", "text/csv", ImportFormat.Csv)]
    public void The_format_is_the_named_one_else_the_extension_else_the_content_type(string? format, string fileName, string? contentType,
        ImportFormat expected) =>
        ImportFormats.Infer(format, fileName, contentType).ShouldBe(expected);
}
