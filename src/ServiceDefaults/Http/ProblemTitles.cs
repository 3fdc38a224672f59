using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.ServiceDefaults.Http;

/// <summary>The Vietnamese titles of the ProblemDetails every service answers (English when the caller asks for it).</summary>
internal static class ProblemTitles
{
    private static readonly Dictionary<string, string> Vietnamese = new(StringComparer.Ordinal)
    {
        ["One or more validation errors occurred."] = "Dữ liệu gửi lên không hợp lệ.",
        ["This conflicts with the record's state or with existing data."] = "Thao tác xung đột với trạng thái hồ sơ hoặc dữ liệu đã có.",
        ["The rules refuse this."] = "Quy định không cho phép thao tác này.",
        ["This is outside the establishment or unit you act for."] = "Việc này nằm ngoài cơ sở hoặc đơn vị bạn được phép đại diện.",
        ["The rules reserve this to someone else."] = "Theo quy định, việc này do người khác thực hiện.",
        ["The record was changed by someone else."] = "Hồ sơ vừa được người khác thay đổi.",
        ["Unauthorized"] = "Chưa đăng nhập hoặc mã truy cập không hợp lệ.",
        ["Forbidden"] = "Bạn không có quyền thực hiện thao tác này.",
        ["Not Found"] = "Không tìm thấy.",
        ["Method Not Allowed"] = "Phương thức không được hỗ trợ.",
        ["Payload Too Large"] = "Nội dung gửi lên quá lớn.",
        ["Unsupported Media Type"] = "Kiểu nội dung không được hỗ trợ.",
        ["Too Many Requests"] = "Quá nhiều yêu cầu.",
    };

    public static void Localise(HttpContext context, ProblemDetails problem)
    {
        if (problem.Title is null || PlatformProblems.PrefersEnglish(context))
        {
            return;
        }
        if (Vietnamese.TryGetValue(problem.Title, out var title))
        {
            problem.Title = title;
        }
        else if (problem.Title.EndsWith(" not found.", StringComparison.Ordinal))
        {
            problem.Title = "Không tìm thấy hồ sơ.";
        }
    }
}
