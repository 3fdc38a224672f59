using KhuyenCong.Contracts;
using KhuyenCong.ServiceDefaults.Http;

namespace KhuyenCong.Reporting.Reports;

/// <summary>The query string of a report: its filter, its grouping and the answer's format.</summary>
public sealed class ReportRequest
{
    public int? FromYear { get; init; }
    public int? ToYear { get; init; }
    /// <summary>National or Local.</summary>
    public string? FundingSource { get; init; }
    /// <summary>A content group name (e.g. TechnicalDemonstration) or number (1–9).</summary>
    public string? ContentGroup { get; init; }
    public string? District { get; init; }
    /// <summary>A sector name, e.g. BuildingMaterials.</summary>
    public string? Sector { get; init; }
    /// <summary>Comma-separated dimensions, e.g. "year,district".</summary>
    public string? GroupBy { get; init; }
    /// <summary>json (default), xlsx or csv.</summary>
    public string? Format { get; init; }
}

public enum ReportFormat
{
    Json,
    Xlsx,
    Csv,
    Pdf,
}

internal static class ReportRequestParsing
{
    public static (ReportFilter Filter, IReadOnlyList<string> GroupBy, ReportFormat Format) Parse(
        ReportRequest request, ReportDefinition report, RequestValidation validation)
    {
        validation
            .Expect(request.FromYear is null or >= 2000 and <= 2100, "fromYear", "must be a year between 2000 and 2100.",
                "phải là năm từ 2000 đến 2100.")
            .Expect(request.ToYear is null or >= 2000 and <= 2100, "toYear", "must be a year between 2000 and 2100.",
                "phải là năm từ 2000 đến 2100.")
            .Expect(request.FromYear is null || request.ToYear is null || request.FromYear <= request.ToYear, "fromYear", "must not be after the last year.",
                "không được sau năm cuối.");
        var filter = new ReportFilter(
            request.FromYear, request.ToYear,
            ParseEnum<FundingSource>(request.FundingSource, "fundingSource", validation),
            ParseEnum<ContentGroup>(request.ContentGroup, "contentGroup", validation),
            string.IsNullOrWhiteSpace(request.District) ? null : request.District.Trim(),
            ParseEnum<Sector>(request.Sector, "sector", validation));

        foreach (var (field, isSet) in new[]
        {
            ("fundingSource", filter.FundingSource is not null), ("contentGroup", filter.ContentGroup is not null),
            ("district", filter.District is not null), ("sector", filter.Sector is not null),
        })
        {
            validation.Check(!isSet || report.Dimension(field) is not null, field, $"The {report.Name} report cannot be filtered by {FieldLabels.EnglishOf(field).ToLowerInvariant()}.",
                "Báo cáo này không lọc được theo tiêu chí đã chọn.");
        }

        var groupBy = new List<string>();
        foreach (var name in (request.GroupBy ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var dimension = report.Dimension(name);
            validation.Check(dimension is not null, "groupBy",
                $"'{name}' is not a dimension of the {report.Name} report; use any of {string.Join(", ", report.Dimensions.Select(d => d.Name))}.",
                "Báo cáo không nhóm được theo tiêu chí này; chọn một tiêu chí trong danh sách.");
            if (dimension is not null && !groupBy.Contains(dimension.Name))
            {
                groupBy.Add(dimension.Name);
            }
        }

        var format = ReportFormat.Json;
        validation.Expect(request.Format is null || Enum.TryParse(request.Format, ignoreCase: true, out format) && !int.TryParse(request.Format, out _),
            "format", "must be json, xlsx, csv or pdf.",
            "phải là json, xlsx, csv hoặc pdf.");
        return (filter, groupBy, format);
    }

    private static TEnum? ParseEnum<TEnum>(string? value, string field, RequestValidation validation) where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var valid = Enum.TryParse<TEnum>(value.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed);
        validation.Expect(valid, field, $"must be one of {string.Join(", ", Enum.GetNames<TEnum>())}.",
            $"không hợp lệ; {InputBounds.VietnameseChoice(typeof(TEnum))}.");
        return valid ? parsed : null;
    }
}
