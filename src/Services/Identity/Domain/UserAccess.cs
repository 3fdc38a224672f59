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
            .Expect(known.Count > 0, "roles", $"must name at least one of: {string.Join(", ", PlatformRoles.All)}.",
                $"phải có ít nhất một trong: {RoleNames()}.")
            .Expect(known.All(r => r is not null), "roles", $"may only name: {string.Join(", ", PlatformRoles.All)}.",
                $"chỉ được gồm: {RoleNames()}.");
        var named = known.OfType<string>().Distinct().ToList();

        var districtOfficer = named.Contains(PlatformRoles.DistrictOfficer);
        var establishment = named.Contains(PlatformRoles.Establishment);
        validation
            .Check(!(districtOfficer || establishment) || named.Count == 1, "roles",
                "A DistrictOfficer or Establishment user holds that one role only (their data is scoped).",
                "Người dùng cấp huyện, xã hoặc cơ sở chỉ giữ một vai trò đó (dữ liệu của họ được giới hạn theo phạm vi).")
            .Expect(!districtOfficer || unitCode is not null, "unitCode", "is required for a DistrictOfficer (the administrative unit they work for).",
                "là bắt buộc với cán bộ cấp huyện, xã (đơn vị hành chính nơi họ làm việc).")
            .Check(districtOfficer || (unitCode is null && district is null), "unitCode", "Administrative unit and district are only for a district officer.",
                "Đơn vị hành chính và quận, huyện chỉ dành cho cán bộ cấp huyện, xã.")
            .Expect(unitCode is null || unitCode.Length <= 64, "unitCode", "must be at most 64 characters.", "dài tối đa 64 ký tự.")
            .Expect(district is null || district.Length <= 200, "district", "must be at most 200 characters.",
                "dài tối đa 200 ký tự.")
            .Expect(!establishment || taxCode is not null, "taxCode", "is required for an Establishment user (the establishment they speak for).",
                "là bắt buộc với người dùng của cơ sở (cơ sở mà họ đại diện).")
            .Expect(establishment || taxCode is null, "taxCode", "is only for an Establishment user.",
                "chỉ dành cho người dùng của cơ sở.")
            .Expect(taxCode is null || TaxCodePattern().IsMatch(taxCode), "taxCode", "must be a tax code (10 digits, or 10 digits-3 digits).",
                "phải là mã số thuế (10 chữ số, hoặc 10 chữ số-3 chữ số).");

        return validation.IsValid ? new UserAccess(named, unitCode, district, taxCode) : null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
