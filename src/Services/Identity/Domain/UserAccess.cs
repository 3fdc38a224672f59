using System.Text.RegularExpressions;
using KhuyenCong.Contracts;
using KhuyenCong.ServiceDefaults.Http;
using KhuyenCong.ServiceDefaults.Security;

namespace KhuyenCong.Identity.Domain;

/// <summary>
/// The roles of a user and the part of the data they are scoped to. A district officer is scoped to
/// one administrative unit and an establishment user to one tax code; these two roles stand alone.
/// The other roles carry no scope.
/// </summary>
public sealed partial record UserAccess(IReadOnlyList<string> Roles, string? UnitCode, string? District, string? TaxCode)
{
    [GeneratedRegex(@"^(\d{10}(-\d{3})?|\d{2}[A-Z0-9]\d{6,9})$")]
    private static partial Regex TaxCodePattern();

    /// <summary>The roles as people know them (Quản trị hệ thống, Cán bộ Trung tâm…), for a Vietnamese message.</summary>
    internal static string RoleNames() =>
        string.Join(", ", PlatformRoles.All.Select(r => CodeNames.Of(CodeNames.PlatformRole, r)?.Vietnamese ?? r));

    /// <summary>Checks the requested access, recording what is wrong in <paramref name="validation"/>; null when invalid.</summary>
    public static UserAccess? From(IReadOnlyList<string>? roles, string? unitCode, string? district, string? taxCode, RequestValidation validation)
    {
        unitCode = Blank(unitCode);
        district = Blank(district);
        taxCode = Blank(taxCode);
        var known = (roles ?? []).Select(PlatformRoles.Normalize).ToList();
        validation
            .Check(known.Count > 0, "roles", $"'roles' must name at least one of: {string.Join(", ", PlatformRoles.All)}.",
                $"'roles' phải có ít nhất một trong: {RoleNames()}.")
            .Check(known.All(r => r is not null), "roles", $"'roles' may only name: {string.Join(", ", PlatformRoles.All)}.",
                $"'roles' chỉ được gồm: {RoleNames()}.");
        var named = known.OfType<string>().Distinct().ToList();

        var districtOfficer = named.Contains(PlatformRoles.DistrictOfficer);
        var establishment = named.Contains(PlatformRoles.Establishment);
        validation
            .Check(!(districtOfficer || establishment) || named.Count == 1, "roles",
                "A DistrictOfficer or Establishment user holds that one role only (their data is scoped).",
                "Người dùng cấp huyện, xã hoặc cơ sở chỉ giữ một vai trò đó (dữ liệu của họ được giới hạn theo phạm vi).")
            .Check(!districtOfficer || unitCode is not null, "unitCode", "'unitCode' is required for a DistrictOfficer (the administrative unit they work for).",
                "'unitCode' là bắt buộc với cán bộ cấp huyện, xã (đơn vị hành chính nơi họ làm việc).")
            .Check(districtOfficer || (unitCode is null && district is null), "unitCode", "'unitCode' and 'district' are only for a DistrictOfficer.",
                "'unitCode' và 'district' chỉ dành cho cán bộ cấp huyện, xã.")
            .Check(unitCode is null || unitCode.Length <= 64, "unitCode", "'unitCode' must be at most 64 characters.", "'unitCode' dài tối đa 64 ký tự.")
            .Check(district is null || district.Length <= 200, "district", "'district' must be at most 200 characters.",
                "'district' dài tối đa 200 ký tự.")
            .Check(!establishment || taxCode is not null, "taxCode", "'taxCode' is required for an Establishment user (the establishment they speak for).",
                "'taxCode' là bắt buộc với người dùng của cơ sở (cơ sở mà họ đại diện).")
            .Check(establishment || taxCode is null, "taxCode", "'taxCode' is only for an Establishment user.",
                "'taxCode' chỉ dành cho người dùng của cơ sở.")
            .Check(taxCode is null || TaxCodePattern().IsMatch(taxCode), "taxCode", "'taxCode' must be a tax code (10 digits, or 10 digits-3 digits).",
                "'taxCode' phải là mã số thuế (10 chữ số, hoặc 10 chữ số-3 chữ số).");

        return validation.IsValid ? new UserAccess(named, unitCode, district, taxCode) : null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
