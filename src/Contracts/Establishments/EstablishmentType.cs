namespace KhuyenCong.Contracts.Establishments;

/// <summary>The kinds of rural industrial establishment (cơ sở CNNT) the programme supports.</summary>
public enum EstablishmentType
{
    /// <summary>Small or medium enterprise (doanh nghiệp nhỏ và vừa).</summary>
    Sme = 1,
    /// <summary>Cooperative (hợp tác xã).</summary>
    Cooperative = 2,
    /// <summary>Cooperative group (tổ hợp tác).</summary>
    CooperativeGroup = 3,
    /// <summary>Household business (hộ kinh doanh).</summary>
    HouseholdBusiness = 4,
    /// <summary>Facility applying cleaner production (cơ sở áp dụng sản xuất sạch hơn).</summary>
    CleanerProductionFacility = 5,
    /// <summary>People's or Meritorious Artisan (Nghệ nhân nhân dân / ưu tú).</summary>
    Artisan = 6,
    /// <summary>Sustainable-production facility (since Decree 235/2025).</summary>
    SustainableProductionFacility = 7,
    /// <summary>Investor in industrial-cluster infrastructure (since Decree 235/2025).</summary>
    ClusterInfrastructureInvestor = 8,
}
