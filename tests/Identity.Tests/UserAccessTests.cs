using KhuyenCong.Identity.Domain;
using KhuyenCong.ServiceDefaults.Http;
using Xunit;

namespace KhuyenCong.Identity.Tests;

public sealed class UserAccessTests
{
    private static (UserAccess? Access, RequestValidation Validation) Check(string[] roles, string? unit = null, string? district = null, string? taxCode = null)
    {
        var validation = new RequestValidation();
        return (UserAccess.From(roles, unit, district, taxCode, validation), validation);
    }

    [Fact]
    public void Roles_are_spelled_as_the_platform_spells_them_and_counted_once()
    {
        var (access, _) = Check(["officer", "APPRAISER", "Officer"]);

        Assert.Equal(["Officer", "Appraiser"], access!.Roles);
    }

    [Fact]
    public void A_district_officer_is_scoped_to_one_unit_and_holds_no_other_role()
    {
        Assert.Equal("dong-trieu", Check(["DistrictOfficer"], " dong-trieu ", "Đông Triều").Access!.UnitCode);
        Assert.True(Check(["DistrictOfficer"]).Validation.Errors.ContainsKey("unitCode"));
        Assert.True(Check(["DistrictOfficer", "Leader"], "dong-trieu").Validation.Errors.ContainsKey("roles"));
    }

    [Fact]
    public void An_establishment_user_is_scoped_to_one_valid_tax_code()
    {
        Assert.Equal("5700100256-001", Check(["Establishment"], taxCode: "5700100256-001").Access!.TaxCode);
        Assert.True(Check(["Establishment"]).Validation.Errors.ContainsKey("taxCode"));
        Assert.True(Check(["Establishment"], taxCode: "57001").Validation.Errors.ContainsKey("taxCode"));
    }

    [Fact]
    public void Unscoped_roles_carry_no_unit_and_no_tax_code()
    {
        Assert.True(Check(["Leader"], unit: "dong-trieu").Validation.Errors.ContainsKey("unitCode"));
        Assert.True(Check(["Admin"], district: "Đông Triều").Validation.Errors.ContainsKey("unitCode"));
        Assert.True(Check(["Officer"], taxCode: "5700100256").Validation.Errors.ContainsKey("taxCode"));
        Assert.True(Check([]).Validation.Errors.ContainsKey("roles"));
        Assert.True(Check(["Director"]).Validation.Errors.ContainsKey("roles"));
    }
}
