namespace KhuyenCong.ServiceDefaults.Security;

/// <summary>Names of the claims the identity service puts in access tokens besides sub, name and role.</summary>
public static class PlatformClaims
{
    /// <summary>The administrative unit code a district officer is scoped to.</summary>
    public const string UnitCode = "kc_unit";

    /// <summary>The district name of that unit, as reports group by it.</summary>
    public const string District = "kc_district";

    /// <summary>The tax code of the establishment an establishment user speaks for.</summary>
    public const string TaxCode = "kc_tax_code";

    /// <summary>The audience every platform API requires in an access token.</summary>
    public const string ApiAudience = "kc-api";
}
