using System.Globalization;
using System.Security.Claims;
using KhuyenCong.Platform.Text;
using KhuyenCong.Platform.Time;
using KhuyenCong.ServiceDefaults.Security;
using KhuyenCong.Web.Api;
using KhuyenCong.Web.Api.Clients;

namespace KhuyenCong.Web.Exports;

public sealed record CourseFilter(string? Q = null, int? Year = null, CourseStatus? Status = null, CourseType? Type = null);

public sealed record FairFilter(string? Q = null, int? Year = null, FairStatus? Status = null);

public sealed record CertificateFilter(string? Q = null, string? EstablishmentTaxCode = null, int? Year = null, CertificateStatus? Status = null);

public sealed record FollowUpFilter(FollowUpStatus? Status = null, string? District = null);

public sealed record CompetitionFilter(int? Year = null, RecognitionLevel? Level = null);

/// <summary>
/// The filtered lists downloaded as files: the page links here with the filter it shows, and this endpoint reads every
/// page of that list from the platform with the signed-in user's token (the services keep each user to their scope) and
/// writes the rows as xlsx, plain CSV or the CSV Excel in Vietnamese opens. File names say the list and its filter.
/// </summary>
public static class ListExports
{
    public const string Path = "/exports";
    private const int PageSize = 200;

    public const string Proposals = "proposals";
    public const string Establishments = "establishments";
    public const string Courses = "courses";
    public const string Fairs = "fairs";
    public const string Certificates = "certificates";
    public const string FollowUps = "follow-ups";
    public const string Competitions = "competitions";
    public const string Users = "users";

    public static IEndpointRouteBuilder MapListExports(this IEndpointRouteBuilder app)
    {
        app.MapGet($"{Path}/{{list}}", ExportAsync).RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    /// <summary>The address of a list's file in a format (<c>xlsx</c>, <c>csv</c>, <c>csv-vi</c>), <paramref name="filter"/> being its query string.</summary>
    public static string Link(string list, string filter, ListFileFormat format) =>
        $"{Path}/{list}{(filter.Length == 0 ? "?" : filter + "&")}format={ListFile.NameOf(format)}";

    public static string FilterOf(ProposalFilter f) => Query.Of(("q", f.Q), ("year", f.Year), ("fundingSource", f.FundingSource),
        ("contentGroup", f.ContentGroup), ("status", f.Status), ("district", f.District), ("late", f.LateOnly));

    public static string FilterOf(EstablishmentFilter f) => Query.Of(("q", f.Q), ("district", f.District), ("sector", f.Sector), ("type", f.Type));

    public static string FilterOf(CourseFilter f) => Query.Of(("q", f.Q), ("year", f.Year), ("status", f.Status), ("type", f.Type));

    public static string FilterOf(FairFilter f) => Query.Of(("q", f.Q), ("year", f.Year), ("status", f.Status));

    public static string FilterOf(CertificateFilter f) => Query.Of(("q", f.Q), ("establishmentTaxCode", f.EstablishmentTaxCode), ("year", f.Year), ("status", f.Status));

    public static string FilterOf(FollowUpFilter f) => Query.Of(("status", f.Status), ("district", f.District));

    public static string FilterOf(CompetitionFilter f) => Query.Of(("year", f.Year), ("level", f.Level));

    /// <summary>The users list's filter: the text typed and the role chosen.</summary>
    public static string FilterOfUsers(string? q, string? role) => Query.Of(("q", q), ("role", role));

    private static async Task<IResult> ExportAsync(string list, HttpRequest request, ClaimsPrincipal user,
        IServiceProvider services, CancellationToken cancellationToken)
    {
        if (ListFile.FormatNamed(request.Query["format"]) is not { } format)
        {
            return TypedResults.NotFound();
        }
        var read = new QueryReader(request.Query);
        var ownTaxCode = user.IsInRole(PlatformRoles.Establishment) ? user.FindFirst(PlatformClaims.TaxCode)?.Value : null;
        var ownUnitCode = user.IsInRole(PlatformRoles.DistrictOfficer) ? user.FindFirst(PlatformClaims.UnitCode)?.Value : null;
        ApiResult<DownloadedFile>? file = list switch
        {
            Proposals => await ProposalsAsync(services.GetRequiredService<ProposalsClient>(), format, new ProposalFilter
            {
                Q = read.Text("q"), Year = read.Number("year"), FundingSource = read.Code<FundingSource>("fundingSource"),
                ContentGroup = read.Number("contentGroup"), Status = read.Code<ProposalStatus>("status"), District = read.Text("district"),
                LateOnly = read.Text("late") == "true", EstablishmentTaxCode = ownTaxCode, AdministrativeUnitCode = ownUnitCode, NewestFirst = true,
            }, cancellationToken),
            Establishments => await EstablishmentsAsync(services.GetRequiredService<EstablishmentsClient>(), format, new EstablishmentFilter
            {
                Q = read.Text("q"), District = read.Text("district"), Sector = read.Code<Sector>("sector"), Type = read.Code<EstablishmentType>("type"),
                TaxCode = ownTaxCode, AdministrativeUnitCode = ownUnitCode,
            }, cancellationToken),
            Courses => await CoursesAsync(services.GetRequiredService<TrainingClient>(), format,
                new CourseFilter(read.Text("q"), read.Number("year"), read.Code<CourseStatus>("status"), read.Code<CourseType>("type")), cancellationToken),
            Fairs => await FairsAsync(services.GetRequiredService<FairsClient>(), format,
                new FairFilter(read.Text("q"), read.Number("year"), read.Code<FairStatus>("status")), cancellationToken),
            Certificates => await CertificatesAsync(services.GetRequiredService<ProductsClient>(), format,
                new CertificateFilter(read.Text("q"), ownTaxCode ?? read.Text("establishmentTaxCode"), read.Number("year"), read.Code<CertificateStatus>("status")),
                cancellationToken),
            FollowUps => await FollowUpsAsync(services.GetRequiredService<ProposalsClient>(), format,
                new FollowUpFilter(read.Code<FollowUpStatus>("status"), read.Text("district")), cancellationToken),
            Competitions => await CompetitionsAsync(services.GetRequiredService<ProductsClient>(), format,
                new CompetitionFilter(read.Number("year"), read.Code<RecognitionLevel>("level")), cancellationToken),
            Users => await UsersAsync(services.GetRequiredService<UsersClient>(), format, read.Text("q"), read.Text("role"), cancellationToken),
            _ => null,
        };
        return file is null ? TypedResults.NotFound() : file.ToDownload();
    }

    private static async Task<ApiResult<DownloadedFile>> ProposalsAsync(ProposalsClient client, ListFileFormat format, ProposalFilter filter,
        CancellationToken cancellationToken)
    {
        var rows = await Paging.AllAsync(page => client.RowsAsync(filter, page, PageSize, cancellationToken));
        return Write(rows, format, Name("Đề án khuyến công", filter.Q, filter.Year?.ToString(CultureInfo.InvariantCulture), Named(filter.FundingSource),
            filter.ContentGroup is { } g ? $"nhóm {g}" : null, Named(filter.Status), filter.District, filter.LateOnly ? "nộp muộn" : null), "Đề án",
            [
                new("Mã đề án", p => p.Code),
                new("Tên đề án", p => p.Title),
                new("Năm kế hoạch", p => p.PlanYear),
                new("Nguồn kinh phí", p => CodeNames.VietnameseOf(p.FundingSource)),
                new("Nhóm nội dung", p => p.ContentGroup),
                new("Địa bàn", p => p.District),
                new("Mã số thuế cơ sở chủ trì", p => p.LeadTaxCode),
                new("Trạng thái", p => CodeNames.VietnameseOf(p.Status)),
                new("Nộp muộn", p => p.IsLate ? "Có" : "Không"),
                new("Tổng kinh phí (đồng)", p => p.TotalBudget, ListColumnKind.Money),
                new("Khuyến công hỗ trợ (đồng)", p => p.StateSupport, ListColumnKind.Money),
                new("Vốn đối ứng (đồng)", p => p.OwnCapital, ListColumnKind.Money),
                new("Nguồn khác (đồng)", p => p.OtherSources, ListColumnKind.Money),
                new("Kinh phí được duyệt (đồng)", p => p.ApprovedSupport, ListColumnKind.Money),
                new("Ngày lập", p => ProvinceCalendar.DateOf(p.CreatedAt), ListColumnKind.Date),
            ]);
    }

    private static async Task<ApiResult<DownloadedFile>> EstablishmentsAsync(EstablishmentsClient client, ListFileFormat format, EstablishmentFilter filter,
        CancellationToken cancellationToken)
    {
        var rows = await Paging.AllAsync(page => client.ListAsync(filter, page, PageSize, cancellationToken));
        return Write(rows, format, Name("Cơ sở CNNT", filter.Q, filter.District, Named(filter.Sector), Named(filter.Type)), "Cơ sở",
            [
                new("Mã số thuế", e => e.TaxCode),
                new("Tên cơ sở", e => e.Name),
                new("Loại hình", e => CodeNames.VietnameseOf(e.Type)),
                new("Ngành nghề", e => CodeNames.VietnameseOf(e.Sector)),
                new("Địa bàn", e => e.District),
                new("Địa bàn ưu tiên", e => e.IsPriorityArea ? "Có" : "Không"),
                new("Địa chỉ", e => e.Address),
                new("Người đại diện", e => e.Representative),
                new("Điện thoại", e => e.Phone),
                new("Thư điện tử", e => e.Email),
                new("Số lao động", e => e.Employees, ListColumnKind.Count),
                new("Ngày đăng ký", e => e.RegisteredOn, ListColumnKind.Date),
            ]);
    }

    private static async Task<ApiResult<DownloadedFile>> CoursesAsync(TrainingClient client, ListFileFormat format, CourseFilter filter,
        CancellationToken cancellationToken)
    {
        var rows = await Paging.AllAsync(page => client.CoursesAsync(filter.Q, filter.Year, filter.Status, filter.Type, page, PageSize, cancellationToken));
        return Write(rows, format, Name("Khóa đào tạo", filter.Q, filter.Year?.ToString(CultureInfo.InvariantCulture), Named(filter.Status), Named(filter.Type)),
            "Khóa đào tạo",
            [
                new("Tên khóa học", c => c.Title),
                new("Loại khóa học", c => CodeNames.VietnameseOf(c.Type)),
                new("Nghề", c => c.Trade),
                new("Địa điểm", c => c.Location),
                new("Địa bàn", c => c.District),
                new("Năm kế hoạch", c => c.PlanYear),
                new("Ngày khai giảng", c => c.StartDate, ListColumnKind.Date),
                new("Ngày kết thúc", c => c.EndDate, ListColumnKind.Date),
                new("Trạng thái", c => CodeNames.VietnameseOf(c.Status)),
                new("Số chỗ", c => c.Seats.Capacity, ListColumnKind.Count),
                new("Đã ghi danh", c => c.Seats.Enrolled, ListColumnKind.Count),
                new("Hoàn thành", c => c.Outcome.Completed, ListColumnKind.Count),
                new("Được cấp chứng chỉ", c => c.Outcome.Certified, ListColumnKind.Count),
                new("Kinh phí (đồng)", c => c.Budget, ListColumnKind.Money),
                new("Đề án cấp kinh phí", c => c.FundingProposalCode),
            ]);
    }

    private static async Task<ApiResult<DownloadedFile>> FairsAsync(FairsClient client, ListFileFormat format, FairFilter filter, CancellationToken cancellationToken)
    {
        var rows = await Paging.AllAsync(page => client.ListAsync(filter.Q, filter.Year, filter.Status, page, PageSize, cancellationToken));
        return Write(rows, format, Name("Hội chợ triển lãm", filter.Q, filter.Year?.ToString(CultureInfo.InvariantCulture), Named(filter.Status)), "Hội chợ",
            [
                new("Tên hội chợ, triển lãm", f => f.Name),
                new("Loại", f => CodeNames.VietnameseOf(f.Kind)),
                new("Đơn vị tổ chức", f => f.Organiser),
                new("Quốc gia", f => f.Country),
                new("Tỉnh, thành phố", f => f.Province),
                new("Từ ngày", f => f.StartDate, ListColumnKind.Date),
                new("Đến ngày", f => f.EndDate, ListColumnKind.Date),
                new("Hạn đăng ký", f => f.RegistrationDeadline, ListColumnKind.Date),
                new("Số gian hàng", f => f.BoothCount, ListColumnKind.Count),
                new("Giá thuê một gian (đồng)", f => f.BoothRent, ListColumnKind.Money),
                new("Tỷ lệ hỗ trợ tiền thuê (%)", f => f.RentSharePercent, ListColumnKind.Decimal),
                new("Trạng thái", f => CodeNames.VietnameseOf(f.Status)),
                new("Số đăng ký", f => f.Registrations, ListColumnKind.Count),
            ]);
    }

    private static async Task<ApiResult<DownloadedFile>> CertificatesAsync(ProductsClient client, ListFileFormat format, CertificateFilter filter,
        CancellationToken cancellationToken)
    {
        var rows = await Paging.AllAsync(page => client.CertificatesAsync(filter.Q, filter.EstablishmentTaxCode, filter.Year, filter.Status, page, PageSize, cancellationToken));
        return Write(rows, format, Name("Giấy chứng nhận sản phẩm", filter.Q, filter.EstablishmentTaxCode, filter.Year?.ToString(CultureInfo.InvariantCulture),
            Named(filter.Status)), "Giấy chứng nhận",
            [
                new("Số giấy chứng nhận", c => c.Number),
                new("Sản phẩm", c => c.ProductName),
                new("Nhóm sản phẩm", c => CodeNames.VietnameseOf(c.Group)),
                new("Cấp", c => CodeNames.VietnameseOf(c.Level)),
                new("Năm bình chọn", c => c.CompetitionYear),
                new("Mã số thuế", c => c.EstablishmentTaxCode),
                new("Cơ sở", c => c.EstablishmentName),
                new("Địa bàn", c => c.District),
                new("Điểm bình quân", c => c.AverageScore, ListColumnKind.Decimal),
                new("Ngày cấp", c => c.IssuedOn, ListColumnKind.Date),
                new("Ngày hết hạn", c => c.ExpiresOn, ListColumnKind.Date),
                new("Hiệu lực", c => CodeNames.VietnameseOf(c.Status)),
                new("Ngày thu hồi", c => c.RevokedOn, ListColumnKind.Date),
                new("Lý do thu hồi", c => c.RevocationReason),
            ]);
    }

    private static async Task<ApiResult<DownloadedFile>> FollowUpsAsync(ProposalsClient client, ListFileFormat format, FollowUpFilter filter,
        CancellationToken cancellationToken)
    {
        var rows = await Paging.AllAsync(page => client.FollowUpsAsync(filter.Status, filter.District, page, PageSize, cancellationToken));
        return Write(rows, format, Name("Theo dõi sau hỗ trợ", Named(filter.Status), filter.District), "Theo dõi",
            [
                new("Mã đề án", f => f.ProposalCode),
                new("Số tháng sau nghiệm thu", f => f.MonthsAfterAcceptance, ListColumnKind.Count),
                new("Hạn đánh giá", f => f.DueOn, ListColumnKind.Date),
                new("Trạng thái", f => CodeNames.VietnameseOf(f.Status)),
            ]);
    }

    private static async Task<ApiResult<DownloadedFile>> CompetitionsAsync(ProductsClient client, ListFileFormat format, CompetitionFilter filter,
        CancellationToken cancellationToken)
    {
        var rows = await Paging.AllAsync(page => client.CompetitionsAsync(filter.Year, filter.Level, page, PageSize, cancellationToken));
        return Write(rows, format, Name("Bình chọn sản phẩm", filter.Year?.ToString(CultureInfo.InvariantCulture), Named(filter.Level)), "Bình chọn",
            [
                new("Tên cuộc bình chọn", c => c.Title),
                new("Cấp", c => CodeNames.VietnameseOf(c.Level)),
                new("Năm", c => c.Year),
                new("Vùng", c => c.Region),
                new("Trạng thái", c => CodeNames.VietnameseOf(c.Status)),
                new("Mở nhận hồ sơ", c => c.RegistrationOpensOn, ListColumnKind.Date),
                new("Hạn nhận hồ sơ", c => c.RegistrationClosesOn, ListColumnKind.Date),
            ]);
    }

    /// <summary>The accounts (administrators only: the Identity service refuses anyone else), named with the day of the export.</summary>
    private static async Task<ApiResult<DownloadedFile>> UsersAsync(UsersClient client, ListFileFormat format, string? q, string? role,
        CancellationToken cancellationToken)
    {
        var rows = await Paging.AllAsync(page => client.ListAsync(q, role, page, PageSize, cancellationToken));
        return Write(rows, format, Name("Người dùng", q, RoleName(role), ProvinceCalendar.Today(TimeProvider.System).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), "Người dùng",
            [
                new("Tên đăng nhập", u => u.UserName),
                new("Họ tên", u => u.DisplayName),
                new("Thư điện tử", u => u.Email),
                new("Vai trò", u => string.Join(", ", u.Roles.Select(r => RoleName(r) ?? r))),
                new("Mã số thuế cơ sở", u => u.TaxCode),
                new("Đơn vị hành chính", u => u.UnitCode),
                new("Địa bàn", u => u.District),
                new("Trạng thái", u => u.IsLocked ? "Đã khóa" : "Đang hoạt động"),
                new("Ngày tạo", u => ProvinceCalendar.DateOf(u.CreatedAt), ListColumnKind.Date),
            ]);
    }

    private static string? RoleName(string? role) => role is null ? null : CodeNames.Of(CodeNames.PlatformRole, role)?.Vietnamese ?? role;

    private static ApiResult<DownloadedFile> Write<T>(ApiResult<List<T>> rows, ListFileFormat format, string fileName, string sheetName,
        IReadOnlyList<ListColumn<T>> columns) =>
        rows.Value is { } all
            ? new ApiResult<DownloadedFile>(ListFile.Write(format, fileName, sheetName, columns, all), null)
            : new ApiResult<DownloadedFile>(null, rows.Problem);

    /// <summary>The list's name and the filter's values, as an ASCII file name: "de-an-khuyen-cong_2025_da-phe-duyet".</summary>
    private static string Name(string list, params string?[] filter) =>
        string.Join('_', new[] { list }.Concat(filter.Where(f => !string.IsNullOrWhiteSpace(f))).Select(p => VietnameseText.Slug(p)).Where(p => p.Length > 0));

    private static string? Named<TEnum>(TEnum? value) where TEnum : struct, Enum => value is { } set ? CodeNames.VietnameseOf(set) : null;

    /// <summary>Reads a list's filter from the query string as <see cref="Query"/> wrote it.</summary>
    private sealed class QueryReader(IQueryCollection query)
    {
        public string? Text(string name) => query[name].ToString() is { Length: > 0 } text ? text : null;

        public int? Number(string name) => int.TryParse(query[name], NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;

        public TEnum? Code<TEnum>(string name) where TEnum : struct, Enum =>
            Enum.TryParse<TEnum>(query[name], out var code) && Enum.IsDefined(code) ? code : null;
    }
}
