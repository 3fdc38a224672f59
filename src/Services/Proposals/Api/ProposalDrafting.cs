using KhuyenCong.Proposals.Data;
using KhuyenCong.Proposals.Domain;
using KhuyenCong.ServiceDefaults.Http;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Proposals.Api;

/// <summary>Turns what the authors of a proposal wrote into <see cref="ProposalDetails"/>: field checks, then the registry.</summary>
internal static class ProposalDrafting
{
    private const int MaxBeneficiaries = 50;

    public static void Validate(UpdateProposalRequest r, RequestValidation v)
    {
        v.Required(r.Title, "title")
            .Check(r.ContentGroup is >= 1 and <= 9, "contentGroup", "'contentGroup' must be one of the nine content groups (1–9) of Decree 45.")
            .Required(r.ImplementingUnit, "implementingUnit", 300)
            .Check(r.BeneficiaryTaxCodes is { Count: > 0 and <= MaxBeneficiaries }, "beneficiaryTaxCodes",
                $"'beneficiaryTaxCodes' lists 1 to {MaxBeneficiaries} registered establishments; the first is the lead beneficiary.")
            .Required(r.AdministrativeUnitCode, "administrativeUnitCode", 64)
            .Required(r.Location, "location")
            .Required(r.Objectives, "objectives", 4000)
            .Positive(r.StateSupport, "stateSupport")
            .NotNegative(r.OwnCapital, "ownCapital")
            .NotNegative(r.OtherSources, "otherSources")
            .Check(r.ExpectedJobs is >= 0, "expectedJobs", "'expectedJobs' is required and not negative.")
            .NotNegative(r.ExpectedAverageWage, "expectedAverageWage")
            .OptionalMoney(r.TotalBudget, "totalBudget")
            .Check(r.PilotStartYear is null == r.PilotEndYear is null, "pilotEndYear", "A pilot proposal gives both 'pilotStartYear' and 'pilotEndYear'; others give neither.");
        foreach (var taxCode in r.BeneficiaryTaxCodes ?? [])
        {
            v.Check(Establishment.IsTaxCode(taxCode?.Trim()), "beneficiaryTaxCodes",
                $"'{taxCode}' is not a tax code (10 digits ending in their check digit, or 13 with a branch suffix 0101234567-001) nor a household business number.");
        }
        if (r.BeneficiaryTaxCodes is { } codes)
        {
            v.Check(codes.Select(c => c?.Trim()).Distinct().Count() == codes.Count, "beneficiaryTaxCodes", "An establishment is listed twice.");
        }
        if (r.TotalBudget is not null && r.StateSupport is not null && r.OwnCapital is not null && r.OtherSources is not null)
        {
            // In decimal: out-of-bound lines (refused above) must not wrap into a sum that happens to match.
            var sum = (decimal)r.StateSupport.Value + r.OwnCapital.Value + r.OtherSources.Value;
            v.Check(r.TotalBudget == sum, "totalBudget",
                $"'totalBudget' ({r.TotalBudget:N0}) must equal state support + own capital + other sources ({sum:N0}).");
        }
    }

    /// <summary>Looks up the beneficiaries and the administrative unit; refuses what the registry does not know.</summary>
    public static async Task<ProposalDetails> ResolveAsync(UpdateProposalRequest r, int planYear, ProposalsDbContext db, CancellationToken cancellationToken)
    {
        var codes = r.BeneficiaryTaxCodes!.Select(c => c.Trim()).ToList();
        var establishments = await db.Establishments.AsNoTracking().Where(e => codes.Contains(e.TaxCode)).ToListAsync(cancellationToken);
        var missing = codes.Except(establishments.Select(e => e.TaxCode)).ToList();
        if (missing.Count > 0)
        {
            throw new ProposalRuleException("unknown-establishment", RuleKind.Unprocessable,
                $"Not in the establishment registry: {string.Join(", ", missing)}. Register an establishment before proposing support for it.");
        }
        var unitCode = r.AdministrativeUnitCode!.Trim();
        var unit = await db.AdministrativeUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Code == unitCode, cancellationToken)
            ?? throw new ProposalRuleException("unknown-administrative-unit", RuleKind.Unprocessable,
                $"'{unitCode}' is not an administrative unit; GET /api/reference/administrative-units lists them.");
        if (!unit.ExistedIn(planYear))
        {
            throw new ProposalRuleException("administrative-unit-not-valid", RuleKind.Unprocessable,
                $"{unit.Name} ({unit.Code}) existed from {unit.ValidityText}, not in plan year {planYear}.");
        }
        var pilot = r.PilotStartYear is { } start ? PilotPeriod.Of(start, r.PilotEndYear!.Value, planYear) : null;
        var beneficiaries = codes.Select((code, i) =>
        {
            var e = establishments.Single(x => x.TaxCode == code);
            return new Beneficiary(i + 1, e.Id, e.TaxCode, e.Name);
        }).ToList();
        var lead = establishments.Single(e => e.TaxCode == codes[0]);

        return new ProposalDetails(
            r.Title!.Trim(), r.ContentGroup!.Value, r.Activity, r.ImplementingUnit!.Trim(), beneficiaries,
            unit.Code, await db.DistrictNameOfAsync(unit, cancellationToken), r.Location!.Trim(), r.Objectives!.Trim(),
            new Budget(r.StateSupport!.Value, r.OwnCapital!.Value, r.OtherSources!.Value),
            r.ExpectedJobs!.Value, r.ExpectedAverageWage!.Value, r.IsPriorityArea ?? unit.IsPriorityArea, pilot, lead.Sector);
    }
}
