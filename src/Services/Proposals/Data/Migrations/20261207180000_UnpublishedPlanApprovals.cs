using KhuyenCong.Proposals.Plans;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhuyenCong.Proposals.Data.Migrations
{
    /// <summary>
    /// Lists the plans approved before AnnualPlanApproved existed, for <see cref="PlanApprovedBackfill"/> to publish.
    /// The list is the job's own bookkeeping, outside the model: nothing else reads it.
    /// </summary>
    [DbContext(typeof(ProposalsDbContext))]
    [Migration("20261207180000_UnpublishedPlanApprovals")]
    public partial class UnpublishedPlanApprovals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE TABLE unpublished_plan_approvals (plan_id uuid NOT NULL CONSTRAINT pk_unpublished_plan_approvals PRIMARY KEY)");
            migrationBuilder.Sql(PlanApprovedBackfill.MarkUnpublishedSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE unpublished_plan_approvals");
        }
    }
}
