namespace KhuyenCong.ServiceDefaults.Security;

/// <summary>The roles a user of the platform can hold (the <c>role</c> claim of an access token).</summary>
public static class PlatformRoles
{
    /// <summary>Manages users and everything else.</summary>
    public const string Admin = "Admin";

    /// <summary>Staff of the Centre: records and moves proposals, courses, fairs and products.</summary>
    public const string Officer = "Officer";

    /// <summary>A member of an appraisal council or a jury: scores what is put before them.</summary>
    public const string Appraiser = "Appraiser";

    /// <summary>Staff of a district or commune: sees and proposes for one administrative unit.</summary>
    public const string DistrictOfficer = "DistrictOfficer";

    /// <summary>A rural industrial establishment: sees its own records (one tax code).</summary>
    public const string Establishment = "Establishment";

    /// <summary>A leader of the Department or the Ministry: reads everything, changes nothing.</summary>
    public const string Leader = "Leader";

    public static readonly IReadOnlyList<string> All = [Admin, Officer, Appraiser, DistrictOfficer, Establishment, Leader];

    /// <summary>The role spelled as the platform spells it, whatever its case; null when it is no role of the platform.</summary>
    public static string? Normalize(string? role) =>
        All.FirstOrDefault(r => string.Equals(r, role?.Trim(), StringComparison.OrdinalIgnoreCase));
}
