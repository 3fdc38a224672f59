extern alias WebApp;

using WebApp::KhuyenCong.Web.Api;
using Xunit;

namespace KhuyenCong.Web.Tests;

/// <summary>A field's message, shown under the field's own label, does not repeat the API's name of the field.</summary>
public sealed class ApiProblemTests
{
    [Theory]
    [InlineData("'capacity' phải từ 1 đến 500 chỗ.", "Phải từ 1 đến 500 chỗ.")]
    [InlineData("'members[0].position' dài tối đa 200 ký tự.", "Dài tối đa 200 ký tự.")]
    [InlineData("Ngày kết thúc không được trước ngày bắt đầu.", "Ngày kết thúc không được trước ngày bắt đầu.")]
    [InlineData("'Đan lát' đã có.", "'Đan lát' đã có.")]
    public void A_field_message_reads_without_the_fields_api_name(string message, string shown)
    {
        var problem = new ApiProblem(400, "/errors/validation", "Dữ liệu không hợp lệ", null,
            new Dictionary<string, string[]> { ["capacity"] = [message] });
        Assert.Equal(shown, problem.For("capacity"));
    }
}
