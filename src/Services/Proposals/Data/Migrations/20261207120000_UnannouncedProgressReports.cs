using KhuyenCong.Proposals.Implementation;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhuyenCong.Proposals.Data.Migrations
{
    /// <summary>
    /// Lists the proposals in implementation before ProgressReportDue existed, for <see cref="ProgressReportBackfill"/> to
    /// announce. The list is the job's own bookkeeping, outside the model: nothing else reads it.
    /// </summary>
    [DbContext(typeof(ProposalsDbContext))]
    [Migration("20261207120000_UnannouncedProgressReports")]
    public partial class UnannouncedProgressReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE TABLE unannounced_progress_reports (proposal_id uuid NOT NULL CONSTRAINT pk_unannounced_progress_reports PRIMARY KEY)");
            migrationBuilder.Sql(ProgressReportBackfill.MarkUnannouncedSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE unannounced_progress_reports");
        }
    }
}
