using KhuyenCong.Proposals.Data;
using KhuyenCong.Proposals.Domain;
using KhuyenCong.ServiceDefaults.Http;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Proposals.Api;

/// <summary>Turns what the authors of a proposal wrote into <see cref="ProposalDetails"/>: field checks, then the registry.</summary>
internal static class ProposalDrafting
{
    private const int MaxBeneficiaries = 50;
    private const int MaxEstimateLines = 200;

    public static void Validate(UpdateProposalRequest r, RequestValidation v)
    {
        v.Required(r.Title, "title")
            .Expect(r.ContentGroup is >= 1 and <= 9, "contentGroup", "must be one of the nine content groups (1–9) of Decree 45.",
                "phải là một trong chín nhóm nội dung (1–9) của Nghị định 45/2012/NĐ-CP.")
            .Required(r.ImplementingUnit, "implementingUnit", 300)
            .Expect(r.BeneficiaryTaxCodes is { Count: > 0 and <= MaxBeneficiaries }, "beneficiaryTaxCodes",
                $"lists 1 to {MaxBeneficiaries} registered establishments; the first is the lead beneficiary.",
                $"liệt kê từ 1 đến {MaxBeneficiaries} cơ sở đã đăng ký; cơ sở đầu tiên là cơ sở thụ hưởng chính.")
            .Required(r.AdministrativeUnitCode, "administrativeUnitCode", 64)
            .Required(r.Location, "location")
            .Required(r.Objectives, "objectives", 4000)
            .Positive(r.StateSupport, "stateSupport")
            .NotNegative(r.OwnCapital, "ownCapital")
            .NotNegative(r.OtherSources, "otherSources")
            .Expect(r.ExpectedJobs is >= 0, "expectedJobs", "is required and not negative.",
                "là bắt buộc và không được âm.")
            .NotNegative(r.ExpectedAverageWage, "expectedAverageWage")
            .OptionalMoney(r.TotalBudget, "totalBudget")
            .Check(r.PilotStartYear is null == r.PilotEndYear is null, "pilotEndYear", "A pilot proposal gives both its start and end year; others give neither.",
                "Đề án thí điểm ghi cả năm bắt đầu và năm kết thúc; đề án khác không ghi cả hai.")
            .Check(r.PilotShares is null || r.PilotStartYear is not null && r.PilotShares.Count <= PilotPeriod.MaximumYears, "pilotShares",
                $"Only a pilot proposal splits its support by year, one amount for each of its {PilotPeriod.MinimumYears} to {PilotPeriod.MaximumYears} years.",
                $"Chỉ đề án thí điểm phân kinh phí theo năm, mỗi năm trong {PilotPeriod.MinimumYears} đến {PilotPeriod.MaximumYears} năm một số tiền.")
            .Expect(r.Activity is null || r.Activity.Value.IsDefined(), "activity", "is not a support activity; GET /api/reference/support-norms lists them.",
                "không phải là hoạt động hỗ trợ; hãy chọn trong danh mục định mức hỗ trợ.")
            .Expect(r.Units is null or (>= 1 and <= Proposal.MaxUnits), "units", $"is 1 to {Proposal.MaxUnits}: the facilities, models, fairs... the proposal covers.",
                $"từ 1 đến {Proposal.MaxUnits}: số cơ sở, mô hình, hội chợ... mà đề án bao gồm.")
            .Check(r.Estimate is null || r.Estimate.Count <= MaxEstimateLines, "estimate", $"The estimate has at most {MaxEstimateLines} lines.",
                $"Dự toán có tối đa {MaxEstimateLines} dòng.");
        for (var i = 0; i < Math.Min(r.Estimate?.Count ?? 0, MaxEstimateLines); i++)
        {
            var line = r.Estimate![i];
            if (line is null)
            {
                v.Check(false, $"estimate[{i}]", "An estimate line is an object (item and amounts).",
                    "Mỗi dòng dự toán là một đối tượng (hạng mục và số tiền).");
                continue;
            }
            v.Required(line.Item, $"estimate[{i}].item", 300)
                .NotNegative(line.StateSupport, $"estimate[{i}].stateSupport")
                .NotNegative(line.OwnCapital, $"estimate[{i}].ownCapital")
                .NotNegative(line.OtherSources, $"estimate[{i}].otherSources");
        }
        foreach (var taxCode in r.BeneficiaryTaxCodes ?? [])
        {
            v.Check(Establishment.IsTaxCode(taxCode?.Trim()), "beneficiaryTaxCodes",
                $"'{taxCode}' is not a tax code (10 digits ending in their check digit, or 13 with a branch suffix 0101234567-001) nor a household business number.",
                $"'{taxCode}' không phải là mã số thuế (10 chữ số kết thúc bằng chữ số kiểm tra, hoặc 13 chữ số với mã chi nhánh 0101234567-001) hay mã số hộ kinh doanh.");
        }
        if (r.BeneficiaryTaxCodes is { } codes)
        {
            v.Check(codes.Select(c => c?.Trim()).Distinct().Count() == codes.Count, "beneficiaryTaxCodes", "An establishment is listed twice.",
                "Một cơ sở được liệt kê hai lần.");
        }
        if (r.TotalBudget is not null && r.StateSupport is not null && r.OwnCapital is not null && r.OtherSources is not null)
        {
            // In decimal: out-of-bound lines (refused above) must not wrap into a sum that happens to match.
            var sum = (decimal)r.StateSupport.Value + r.OwnCapital.Value + r.OtherSources.Value;
            v.Expect(r.TotalBudget == sum, "totalBudget",
                $"({r.TotalBudget:N0}) must equal state support + own capital + other sources ({sum:N0}).",
                $"({r.TotalBudget:N0}) phải bằng kinh phí hỗ trợ + vốn đối ứng + nguồn khác ({sum:N0}).");
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
                $"Not in the establishment registry: {string.Join(", ", missing)}. Register an establishment before proposing support for it.")
            {
                Vietnamese = $"Chưa có trong danh mục cơ sở: {string.Join(", ", missing)}. Hãy đăng ký cơ sở trước khi đề xuất hỗ trợ.",
            };
        }
        var unitCode = r.AdministrativeUnitCode!.Trim();
        var unit = await db.AdministrativeUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Code == unitCode, cancellationToken)
            ?? throw new ProposalRuleException("unknown-administrative-unit", RuleKind.Unprocessable,
                $"'{unitCode}' is not an administrative unit; GET /api/reference/administrative-units lists them.")
            {
                Vietnamese = $"'{unitCode}' không phải là đơn vị hành chính trong danh mục.",
            };
        if (!unit.ExistedIn(planYear))
        {
            throw new ProposalRuleException("administrative-unit-not-valid", RuleKind.Unprocessable,
                $"{unit.Name} ({unit.Code}) existed from {unit.ValidityText}, not in plan year {planYear}.")
            {
                Vietnamese = $"{unit.Name} ({unit.Code}) tồn tại {unit.ValidityTextVietnamese}, không thuộc năm kế hoạch {planYear}.",
            };
        }
        var priorityArea = await PriorityAreaInAsync(db, unit.Code, planYear, cancellationToken);
        var pilot = r.PilotStartYear is { } start ? PilotPeriod.Of(start, r.PilotEndYear!.Value, planYear, r.PilotShares, r.StateSupport!.Value) : null;
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
            r.ExpectedJobs!.Value, r.ExpectedAverageWage!.Value, priorityArea, pilot, lead.Sector, r.Units ?? 1,
            (r.Estimate ?? []).Select((l, i) => new EstimateLine(
                i + 1, l.Item!.Trim(), l.StateSupport!.Value, l.OwnCapital!.Value, l.OtherSources!.Value, l.IsManagementCost ?? false)).ToList());
    }

    /// <summary>Whether the unit is a priority area in the plan year: its latest status from that year or before, else not.</summary>
    public static async Task<bool> PriorityAreaInAsync(ProposalsDbContext db, string unitCode, int planYear, CancellationToken cancellationToken) =>
        await db.PriorityAreaStatuses.AsNoTracking().Where(s => s.UnitCode == unitCode && s.FromYear <= planYear)
            .OrderByDescending(s => s.FromYear).Select(s => (bool?)s.IsPriorityArea).FirstOrDefaultAsync(cancellationToken) ?? false;

    /// <summary>
    /// The authors may repeat the priority-area status but not set it: it comes from the reference data
    /// (or an officer's recorded override), so a different value is refused.
    /// </summary>
    public static void EnsurePriorityAreaAgrees(bool? claimed, bool actual)
    {
        if (claimed is { } value && value != actual)
        {
            throw new ProposalRuleException("priority-area-not-settable", RuleKind.Unprocessable,
                $"The proposal's unit is {(actual ? "" : "not ")}a priority area in its plan year; the proposal cannot say otherwise. " +
                "An officer may override it with a reason: POST /api/proposals/{id}/priority-area.")
            {
                Vietnamese = $"Địa bàn của đề án {(actual ? "là" : "không phải là")} địa bàn ưu tiên trong năm kế hoạch theo dữ liệu danh mục; " +
                    "đề án không thể tự khai khác. Cán bộ Trung tâm có thể điều chỉnh kèm lý do.",
                LegalBasis = Basis.Priority,
            };
        }
    }
}
