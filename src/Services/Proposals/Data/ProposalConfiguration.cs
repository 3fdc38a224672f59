using System.Text.Json;
using KhuyenCong.Platform.Accounts;
using KhuyenCong.Proposals.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Proposals.Data;

internal sealed class ProposalConfiguration : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> builder)
    {
        builder.ToTable("proposals");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Code).HasMaxLength(32);
        builder.HasIndex(p => p.Code).IsUnique();
        builder.Property(p => p.Title).HasMaxLength(500);
        builder.Property(p => p.ImplementingUnit).HasMaxLength(300);
        builder.Property(p => p.AdministrativeUnitCode).HasMaxLength(64);
        builder.Property(p => p.District).HasMaxLength(100);
        builder.Property(p => p.Location).HasMaxLength(500);
        builder.Property(p => p.Objectives).HasMaxLength(4000);
        builder.Property(p => p.CancellationReason).HasMaxLength(1000);
        builder.Property(p => p.FundingSource).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(p => p.Activity).HasConversion<string>().HasMaxLength(40);
        builder.Property(p => p.Sector).HasConversion<string>().HasMaxLength(40);
        builder.Property(p => p.Version).IsRowVersion();
        builder.HasIndex(p => new { p.PlanYear, p.Status });
        builder.HasIndex(p => p.District);
        builder.HasIndex(p => p.CallId);
        builder.HasOne<RegistrationCall>().WithMany().HasForeignKey(p => p.CallId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(p => p.CurrentAppraisal);
        builder.Ignore(p => p.IsPriorityArea);
        builder.Property(p => p.DerivedPriorityArea).HasColumnName("is_priority_area");
        builder.OwnsOne(p => p.PriorityOverride, o =>
        {
            o.Property(x => x.IsPriorityArea).HasColumnName("priority_override");
            o.Property(x => x.Reason).HasColumnName("priority_override_reason").HasMaxLength(1000);
            o.Property(x => x.By).HasColumnName("priority_override_by").HasMaxLength(200);
            o.Property(x => x.At).HasColumnName("priority_override_at");
        });
        builder.OwnsMany(p => p.Estimate, e =>
        {
            e.ToTable("proposal_estimate_lines");
            e.WithOwner().HasForeignKey("ProposalId");
            e.HasKey("ProposalId", nameof(EstimateLine.Position));
            e.Property(x => x.Item).HasMaxLength(300);
            e.Ignore(x => x.Total);
        });
        builder.Navigation(p => p.Estimate).HasField("_estimate");

        builder.ComplexProperty(p => p.Budget, budget =>
        {
            budget.Property(b => b.StateSupport).HasColumnName("state_support");
            budget.Property(b => b.OwnCapital).HasColumnName("own_capital");
            budget.Property(b => b.OtherSources).HasColumnName("other_sources");
        });
        builder.OwnsOne(p => p.Pilot, pilot =>
        {
            pilot.Property(x => x.StartYear).HasColumnName("pilot_start_year");
            pilot.Property(x => x.EndYear).HasColumnName("pilot_end_year");
            pilot.PrimitiveCollection(x => x.Shares).HasColumnName("pilot_shares");
            pilot.Ignore(x => x.Years);
        });
        builder.OwnsOne(p => p.Approval, approval =>
        {
            approval.Property(a => a.ApprovedSupport).HasColumnName("approved_support");
            approval.Property(a => a.DecisionNumber).HasColumnName("decision_number").HasMaxLength(64);
            approval.Property(a => a.DecisionDate).HasColumnName("decision_date");
            approval.Property(a => a.ApprovedAt).HasColumnName("approved_at");
            approval.Property(a => a.NormId).HasColumnName("norm_id");
            approval.Property(a => a.SupportLimit).HasColumnName("support_limit");
            approval.Property(a => a.AppraisalScore).HasColumnName("appraisal_score").HasPrecision(5, 2);
            approval.Property(a => a.Units).HasColumnName("approval_units");
            approval.Property(a => a.PriorityArea).HasColumnName("approval_priority_area");
        });
        builder.OwnsOne(p => p.PlanExceedance, exceedance =>
        {
            exceedance.Property(x => x.DecisionNumber).HasColumnName("plan_exceedance_decision_number").HasMaxLength(64);
            exceedance.Property(x => x.DecisionDate).HasColumnName("plan_exceedance_decision_date");
            exceedance.Property(x => x.Reason).HasColumnName("plan_exceedance_reason").HasMaxLength(1000);
            exceedance.Property(x => x.RemainingBefore).HasColumnName("plan_exceedance_remaining_before");
        });
        builder.OwnsOne(p => p.Contract, contract =>
        {
            contract.Property(c => c.ContractNumber).HasColumnName("contract_number").HasMaxLength(64);
            contract.Property(c => c.SignedOn).HasColumnName("contract_signed_on");
        });
        builder.OwnsOne(p => p.Acceptance, acceptance =>
        {
            acceptance.Property(a => a.AcceptedOn).HasColumnName("accepted_on");
            acceptance.Property(a => a.ActualTotalSpend).HasColumnName("actual_total_spend");
            acceptance.Property(a => a.ActualSupportUsed).HasColumnName("actual_support_used");
            acceptance.Property(a => a.ActualOwnCapital).HasColumnName("actual_own_capital");
            acceptance.Property(a => a.ActualOtherSources).HasColumnName("actual_other_sources");
            acceptance.Property(a => a.JobsCreated).HasColumnName("jobs_created");
            acceptance.Property(a => a.AverageWage).HasColumnName("average_wage");
            acceptance.Property(a => a.Outputs).HasColumnName("outputs").HasMaxLength(4000);
        });
        builder.OwnsOne(p => p.Settlement, settlement =>
        {
            settlement.Property(s => s.SettledOn).HasColumnName("settled_on");
            settlement.Property(s => s.SettledSupport).HasColumnName("settled_support");
            settlement.Property(s => s.RefundDue).HasColumnName("refund_due");
            settlement.Property(s => s.BalanceDue).HasColumnName("balance_due");
            settlement.Property(s => s.IsLate).HasColumnName("settlement_late");
        });

        builder.OwnsMany(p => p.Beneficiaries, b =>
        {
            b.ToTable("proposal_beneficiaries");
            b.WithOwner().HasForeignKey("ProposalId");
            b.HasKey("ProposalId", nameof(Beneficiary.Position));
            b.Property(x => x.TaxCode).HasMaxLength(14);
            b.Property(x => x.Name).HasMaxLength(300);
            b.HasIndex(x => x.TaxCode);
            b.HasIndex(x => x.EstablishmentId);
        });
        builder.Navigation(p => p.Beneficiaries).HasField("_beneficiaries");

        builder.OwnsMany(p => p.History, h =>
        {
            h.ToTable("proposal_transitions");
            h.WithOwner().HasForeignKey("ProposalId");
            h.HasKey("ProposalId", nameof(ProposalTransition.Sequence));
            h.Property(x => x.From).HasConversion<string>().HasMaxLength(32);
            h.Property(x => x.To).HasConversion<string>().HasMaxLength(32);
            h.Property(x => x.ActedBy).HasMaxLength(200);
            h.Property(x => x.Reason).HasMaxLength(1000);
            h.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
            h.Property(x => x.ActedByName).HasMaxLength(200);
            h.Property(x => x.Document).HasMaxLength(300);
            h.Property(x => x.Score).HasPrecision(6, 2);
            h.Property(x => x.Changes).HasColumnType("jsonb").HasConversion(
                changes => JsonSerializer.Serialize(changes, JsonSerializerOptions.Web),
                json => (IReadOnlyList<FieldChange>)(JsonSerializer.Deserialize<List<FieldChange>>(json, JsonSerializerOptions.Web) ?? new List<FieldChange>()),
                new ValueComparer<IReadOnlyList<FieldChange>>(
                    (a, b) => a!.SequenceEqual(b!), c => c.Aggregate(0, (hash, change) => HashCode.Combine(hash, change)), c => c.ToList()));
        });
        builder.Navigation(p => p.History).HasField("_history");

        builder.OwnsMany(p => p.Payments, pay =>
        {
            pay.ToTable("proposal_payments");
            pay.WithOwner().HasForeignKey("ProposalId");
            pay.HasKey(x => x.Id);
            pay.Property(x => x.Id).ValueGeneratedNever();
            pay.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            pay.Property(x => x.RecordedBy).HasMaxLength(200);
        });
        builder.Navigation(p => p.Payments).HasField("_payments");

        builder.HasMany(p => p.Appraisals).WithOne().HasForeignKey("ProposalId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Appraisals).HasField("_appraisals").AutoInclude();
        builder.HasMany(p => p.FollowUps).WithOne().HasForeignKey(f => f.ProposalId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.FollowUps).HasField("_followUps").AutoInclude();
    }
}

internal sealed class AppraisalConfiguration : IEntityTypeConfiguration<Appraisal>
{
    public void Configure(EntityTypeBuilder<Appraisal> builder)
    {
        builder.ToTable("appraisals");
        builder.HasKey(a => a.Id);
        // Keys are made by the domain: a new row reached from its proposal is an insert, not an update.
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.PassThreshold).HasPrecision(5, 2);
        builder.Property(a => a.AverageScore).HasPrecision(5, 2);
        builder.Property(a => a.Recommendation).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(a => a.Present);
        builder.OwnsMany(a => a.Members, m =>
        {
            m.ToTable("appraisal_members");
            m.WithOwner().HasForeignKey("AppraisalId");
            m.HasKey(x => x.Id);
            m.Property(x => x.Id).ValueGeneratedNever();
            m.Property(x => x.Name).HasMaxLength(200);
            m.Property(x => x.Position).HasMaxLength(200);
            m.Property(x => x.UserId).HasMaxLength(KnownAccounts.MaxUserIdLength);
            m.Property(x => x.ScoredBy).HasMaxLength(KnownAccounts.MaxUserIdLength);
            m.Property(x => x.ConflictReason).HasMaxLength(1000);
            m.Ignore(x => x.SteppedOut);
            m.OwnsOne(x => x.Sheet, s =>
            {
                s.Property(x => x.FitWithRules).HasColumnName("fit_with_rules");
                s.Property(x => x.ObjectivesAndEfficiency).HasColumnName("objectives_and_efficiency");
                s.Property(x => x.BudgetReasonableness).HasColumnName("budget_reasonableness");
                s.Property(x => x.UnitCapacity).HasColumnName("unit_capacity");
                s.Property(x => x.CombinationWithOtherProgrammes).HasColumnName("combination_with_other_programmes");
                s.Property(x => x.DossierCompleteness).HasColumnName("dossier_completeness");
                s.Ignore(x => x.Total);
            });
        });
        builder.Navigation(a => a.Members).HasField("_members");
    }
}

internal sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> builder)
    {
        builder.ToTable("follow_ups");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(f => new { f.Status, f.DueOn });
        // The overdue monitor and an officer recording the evaluation must not both win.
        builder.Property<uint>("Version").IsRowVersion();
        builder.OwnsOne(f => f.Evaluation, e =>
        {
            e.Property(x => x.EvaluatedOn).HasColumnName("evaluated_on");
            e.Property(x => x.Revenue).HasColumnName("revenue");
            e.Property(x => x.Jobs).HasColumnName("jobs");
            e.Property(x => x.AverageWage).HasColumnName("average_wage");
            e.Property(x => x.EquipmentInUse).HasColumnName("equipment_in_use");
            e.Property(x => x.Rating).HasColumnName("rating");
            e.Property(x => x.Notes).HasColumnName("notes").HasMaxLength(4000);
        });
    }
}
