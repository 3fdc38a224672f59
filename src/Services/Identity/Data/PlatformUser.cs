using Microsoft.AspNetCore.Identity;

namespace KhuyenCong.Identity.Data;

/// <summary>A person who signs in to the platform, with the part of the data their role is scoped to.</summary>
public sealed class PlatformUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>The administrative unit code of a district officer.</summary>
    public string? UnitCode { get; set; }

    /// <summary>The district name of a district officer's unit, as reports group by it.</summary>
    public string? District { get; set; }

    /// <summary>The tax code of the establishment an establishment user speaks for.</summary>
    public string? TaxCode { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
