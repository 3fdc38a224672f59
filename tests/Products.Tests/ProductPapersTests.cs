using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.TestSupport;
using Xunit;
using static KhuyenCong.Products.Tests.ProductsHost;

namespace KhuyenCong.Products.Tests;

/// <summary>The typical-product certificate as a printable PDF, read back as a person reads it, under the certificate's scope.</summary>
[Collection(ServersCollection.Name)]
public sealed class ProductPapersTests(PostgresServer postgres, RabbitMqServer rabbit) : IAsyncLifetime
{
    private const string OtherTaxCode = "5700200300";
    private readonly ProductsHost _host = new(postgres, rabbit, new DateOnly(2025, 3, 3));

    public async Task InitializeAsync()
    {
        await _host.AddEstablishmentAsync();
        await _host.AddEstablishmentAsync(OtherTaxCode, "Công ty Gốm Đông Triều", "Đông Triều");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_certificate_prints_the_product_its_holder_level_score_number_and_validity()
    {
        var certificate = await _host.RunToCertificateAsync("Provincial", new DateOnly(2025, 3, 3), "Chè Đường Hoa", 7);
        var number = certificate.GetProperty("number").GetString()!;
        var issuedOn = DateOnly.Parse(certificate.GetProperty("issuedOn").GetString()!, CultureInfo.InvariantCulture);

        var text = await PdfText.OfAsync(
            await _host.ClientAs(TestUser.Establishment(TaxCode)).GetAsync($"/api/products/certificates/{certificate.GetProperty("id").GetString()}/paper"),
            $"giay-chung-nhan-{number}.pdf");

        Assert.Contains("GIẤY CHỨNG NHẬN", text);
        Assert.Contains("SẢN PHẨM CÔNG NGHIỆP NÔNG THÔN TIÊU BIỂU CẤP TỈNH NĂM 2025", text);
        Assert.Contains("UBND TỈNH QUẢNG NINH", text);
        Assert.Contains($"Số: {number}", text);
        Assert.Contains("Chè Đường Hoa", text);
        Assert.Contains("Nhóm sản phẩm: Chế biến nông, lâm, thủy sản và thực phẩm", text);
        Assert.Contains($"của HTX Chè Đường Hoa (mã số thuế {TaxCode}), Hải Hà", text);
        Assert.Contains("đạt 85 điểm", text);
        Assert.Contains($"có giá trị từ ngày {issuedOn:dd/MM/yyyy} đến hết ngày 31/12/2027", text);
        Assert.Contains($"Quảng Ninh, ngày {issuedOn.Day:00} tháng {issuedOn.Month:00} năm {issuedOn.Year}", text);
    }

    [Fact]
    public async Task Closing_the_competition_stores_each_certificate_among_its_entry_s_files_and_printing_serves_that_copy()
    {
        var certificate = await _host.RunToCertificateAsync("Provincial", new DateOnly(2025, 3, 3), "Chè Đường Hoa", 7);
        var number = certificate.GetProperty("number").GetString()!;
        var files = EntryFiles(certificate);
        var entrant = _host.ClientAs(TestUser.Establishment(TaxCode));

        var stored = Assert.Single((await entrant.GetFromJsonAsync<JsonElement>(files)).EnumerateArray(), a => a.GetProperty("kind").GetString() == "Certificate");
        Assert.Equal(($"giay-chung-nhan-{number}.pdf", "application/pdf"), (stored.GetProperty("fileName").GetString(), stored.GetProperty("contentType").GetString()));
        var copy = await entrant.GetByteArrayAsync($"{files}/{stored.GetProperty("id").GetString()}");
        Assert.Contains($"Số: {number}", await PdfText.ExtractAsync(copy));

        var paper = $"/api/products/certificates/{certificate.GetProperty("id").GetString()}/paper";
        Assert.Equal(copy, await entrant.GetByteArrayAsync(paper));
        Assert.Equal(copy, await _host.Client.GetByteArrayAsync(paper));
        Assert.Single((await _host.Client.GetFromJsonAsync<JsonElement>(files)).EnumerateArray(), a => a.GetProperty("kind").GetString() == "Certificate");
    }

    [Fact]
    public async Task Printings_at_once_after_the_stored_copy_is_withdrawn_issue_one_new_copy()
    {
        var certificate = await _host.RunToCertificateAsync("Provincial", new DateOnly(2025, 3, 3), "Chè Đường Hoa", 7);
        var files = EntryFiles(certificate);
        var stored = Assert.Single((await _host.Client.GetFromJsonAsync<JsonElement>(files)).EnumerateArray(), a => a.GetProperty("kind").GetString() == "Certificate");
        await _host.PostAsync($"{files}/{stored.GetProperty("id").GetString()}/withdraw", new { reason = "In lại sau khi sửa tên cơ sở" }, HttpStatusCode.OK);

        var paper = $"/api/products/certificates/{certificate.GetProperty("id").GetString()}/paper";
        var printed = await Bursts.RunAsync(6, _ => _host.Client.GetAsync(paper));

        await Bursts.AssertNoServerErrorsAsync(printed);
        var copies = await Task.WhenAll(printed.Select(r => r.Content.ReadAsByteArrayAsync()));
        Assert.All(copies, c => Assert.Equal(copies[0], c));
        var current = Assert.Single((await _host.Client.GetFromJsonAsync<JsonElement>(files)).EnumerateArray(),
            a => a.GetProperty("kind").GetString() == "Certificate" && !a.GetProperty("withdrawn").GetBoolean());
        Assert.Equal(copies[0], await _host.Client.GetByteArrayAsync($"{files}/{current.GetProperty("id").GetString()}"));
    }

    private static string EntryFiles(JsonElement certificate) =>
        $"/api/products/competitions/{certificate.GetProperty("competitionId").GetString()}/entries/{certificate.GetProperty("entryId").GetString()}/attachments";

    [Fact]
    public async Task Another_establishments_certificate_paper_is_404_and_a_revoked_one_prints_its_revocation()
    {
        var certificate = await _host.RunToCertificateAsync("Provincial", new DateOnly(2025, 3, 3), "Chè Đường Hoa", 7);
        var id = certificate.GetProperty("id").GetString();

        await AssertProblemAsync(await _host.ClientAs(TestUser.Establishment(OtherTaxCode)).GetAsync($"/api/products/certificates/{id}/paper"),
            HttpStatusCode.NotFound, "/errors/not-found");
        await AssertProblemAsync(await _host.Client.GetAsync($"/api/products/certificates/{Guid.NewGuid()}/paper"), HttpStatusCode.NotFound, "/errors/not-found");
        await _host.PostAsync($"/api/products/certificates/{id}/revoke", new { reason = "Sản phẩm không còn sản xuất", revokedOn = "2025-05-12" }, HttpStatusCode.OK);
        var text = await PdfText.OfAsync(await _host.Client.GetAsync($"/api/products/certificates/{id}/paper"));
        Assert.Contains("ĐÃ THU HỒI ngày 12/05/2025: Sản phẩm không còn sản xuất", text);
    }
}
