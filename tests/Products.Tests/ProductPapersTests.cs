using System.Globalization;
using System.Net;
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
