using System.Data;
using System.Globalization;
using System.Text;
using KhuyenCong.Platform.Text;
using KhuyenCong.Training.Domain;
using MiniExcelLibs;

namespace KhuyenCong.Training.Api;

/// <summary>The course roster as an xlsx workbook for the Centre: one row per seated trainee, Vietnamese headers.</summary>
internal static class RosterWorkbook
{
    public static async Task<byte[]> WriteAsync(Course course, IReadOnlyList<RosterEntry> entries, CancellationToken cancellationToken)
    {
        using var table = new DataTable("Học viên");
        table.Columns.Add("STT", typeof(int));
        table.Columns.Add("Họ và tên", typeof(string));
        table.Columns.Add("Năm sinh", typeof(int));
        table.Columns.Add("Giới tính", typeof(string));
        table.Columns.Add("Dân tộc", typeof(string));
        table.Columns.Add("Số điện thoại", typeof(string));
        table.Columns.Add("Cơ sở", typeof(string));
        table.Columns.Add("Số buổi có mặt", typeof(int));
        table.Columns.Add($"Chuyên cần (%/{course.Sessions.Count} buổi)", typeof(decimal));
        table.Columns.Add("Hoàn thành", typeof(string));
        table.Columns.Add("Số chứng chỉ", typeof(string));
        table.Columns.Add("Có việc làm sau khóa học", typeof(string));

        var row = 0;
        foreach (var entry in entries)
        {
            var trainee = entry.Trainee;
            table.Rows.Add(
                ++row,
                trainee.FullName,
                trainee.BirthYear,
                trainee.Gender == Gender.Female ? "Nữ" : "Nam",
                trainee.EthnicGroup,
                trainee.Phone ?? "",
                trainee.Establishment?.Name ?? "",
                entry.SessionsAttended,
                Math.Round(entry.Attendance * 100m, 1),
                YesNo(entry.Completed),
                entry.CertificateNumber ?? "",
                YesNo(entry.EmployedAfter));
        }

        using var stream = new MemoryStream();
        await stream.SaveAsAsync(table, sheetName: "Học viên", excelType: ExcelType.XLSX, cancellationToken: cancellationToken);
        return stream.ToArray();
    }

    /// <summary>An ASCII file name from the course title and start: danh-sach-hoc-vien-may-tre-dan-2024-05-06.xlsx.</summary>
    public static string FileName(Course course)
    {
        var title = VietnameseText.Slug(course.Title);
        title = title.Length > 60 ? title[..60].TrimEnd('-') : title;
        var date = course.StartDate is { } start ? $"-{start:yyyy-MM-dd}" : "";
        return $"danh-sach-hoc-vien-{(title.Length > 0 ? title : "khoa-hoc")}{date}.xlsx";
    }

    private static string YesNo(bool? value) => value switch
    {
        true => "Có",
        false => "Không",
        null => "",
    };
}
