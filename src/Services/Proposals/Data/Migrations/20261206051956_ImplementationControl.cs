using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhuyenCong.Proposals.Data.Migrations
{
    /// <inheritdoc />
    public partial class ImplementationControl : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "cancellation_decision_date",
                table: "proposals",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "cancellation_decision_number",
                table: "proposals",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "planned_end_on",
                table: "proposals",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "proposal_amendments",
                columns: table => new
                {
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    proposal_id = table.Column<Guid>(type: "uuid", nullable: false),
                    decision_number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    decision_date = table.Column<DateOnly>(type: "date", nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    approved_support_before = table.Column<long>(type: "bigint", nullable: false),
                    approved_support_after = table.Column<long>(type: "bigint", nullable: false),
                    own_capital_before = table.Column<long>(type: "bigint", nullable: false),
                    own_capital_after = table.Column<long>(type: "bigint", nullable: false),
                    other_sources_before = table.Column<long>(type: "bigint", nullable: false),
                    other_sources_after = table.Column<long>(type: "bigint", nullable: false),
                    planned_end_before = table.Column<DateOnly>(type: "date", nullable: true),
                    planned_end_after = table.Column<DateOnly>(type: "date", nullable: true),
                    norm_id = table.Column<Guid>(type: "uuid", nullable: false),
                    support_limit = table.Column<long>(type: "bigint", nullable: false),
                    amended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    amended_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_proposal_amendments", x => new { x.proposal_id, x.sequence });
                    table.ForeignKey(
                        name: "fk_proposal_amendments_proposals_proposal_id",
                        column: x => x.proposal_id,
                        principalTable: "proposals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "proposal_progress_reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    period = table.Column<DateOnly>(type: "date", nullable: false),
                    percent_done = table.Column<int>(type: "integer", nullable: false),
                    state_support_spent = table.Column<long>(type: "bigint", nullable: false),
                    own_capital_spent = table.Column<long>(type: "bigint", nullable: false),
                    other_sources_spent = table.Column<long>(type: "bigint", nullable: false),
                    notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    regression_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    reported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reported_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    proposal_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_proposal_progress_reports", x => x.id);
                    table.ForeignKey(
                        name: "fk_proposal_progress_reports_proposals_proposal_id",
                        column: x => x.proposal_id,
                        principalTable: "proposals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "proposal_refunds",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    amount = table.Column<long>(type: "bigint", nullable: false),
                    refunded_on = table.Column<DateOnly>(type: "date", nullable: false),
                    document_number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    proposal_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_proposal_refunds", x => x.id);
                    table.ForeignKey(
                        name: "fk_proposal_refunds_proposals_proposal_id",
                        column: x => x.proposal_id,
                        principalTable: "proposals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_proposal_progress_reports_proposal_id_period",
                table: "proposal_progress_reports",
                columns: new[] { "proposal_id", "period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_proposal_refunds_proposal_id",
                table: "proposal_refunds",
                column: "proposal_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "proposal_amendments");

            migrationBuilder.DropTable(
                name: "proposal_progress_reports");

            migrationBuilder.DropTable(
                name: "proposal_refunds");

            migrationBuilder.DropColumn(
                name: "cancellation_decision_date",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "cancellation_decision_number",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "planned_end_on",
                table: "proposals");
        }
    }
}
