using KhuyenCong.Proposals.Plans;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhuyenCong.Proposals.Data.Migrations
{
    /// <summary>
    /// Lists the lists of national proposals sent, or decided on, before NationalSubmissionSent and NationalDecisionRecorded
    /// existed, for <see cref="NationalSubmissionBackfill"/> to publish. The list is the job's own bookkeeping, outside the
    /// model: nothing else reads it.
    /// </summary>
    [DbContext(typeof(ProposalsDbContext))]
    [Migration("20261207213000_UnpublishedNationalSubmissions")]
    public partial class UnpublishedNationalSubmissions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE TABLE unpublished_national_submissions (submission_id uuid NOT NULL CONSTRAINT pk_unpublished_national_submissions PRIMARY KEY)");
            migrationBuilder.Sql(NationalSubmissionBackfill.MarkUnpublishedSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE unpublished_national_submissions");
        }
    }
}
