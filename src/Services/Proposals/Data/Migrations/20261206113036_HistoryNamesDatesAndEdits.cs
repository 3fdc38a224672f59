using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhuyenCong.Proposals.Data.Migrations
{
    /// <inheritdoc />
    public partial class HistoryNamesDatesAndEdits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "acted_by_name",
                table: "proposal_transitions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "amount",
                table: "proposal_transitions",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "changes",
                table: "proposal_transitions",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "document",
                table: "proposal_transitions",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "kind",
                table: "proposal_transitions",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "StatusChange");

            migrationBuilder.AddColumn<DateOnly>(
                name: "occurred_on",
                table: "proposal_transitions",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "score",
                table: "proposal_transitions",
                type: "numeric(6,2)",
                precision: 6,
                scale: 2,
                nullable: true);

            // Entries recorded before kinds were kept: a move to the same status was a priority-area override.
            migrationBuilder.Sql("""UPDATE proposal_transitions SET kind = 'PriorityOverride' WHERE "from" = "to";""");
            // Names the people behind earlier entries from the accounts the service knows.
            migrationBuilder.Sql("""
                UPDATE proposal_transitions t SET acted_by_name = a.display_name
                FROM known_accounts a WHERE a.user_id = t.acted_by AND a.display_name <> '';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "acted_by_name",
                table: "proposal_transitions");

            migrationBuilder.DropColumn(
                name: "amount",
                table: "proposal_transitions");

            migrationBuilder.DropColumn(
                name: "changes",
                table: "proposal_transitions");

            migrationBuilder.DropColumn(
                name: "document",
                table: "proposal_transitions");

            migrationBuilder.DropColumn(
                name: "kind",
                table: "proposal_transitions");

            migrationBuilder.DropColumn(
                name: "occurred_on",
                table: "proposal_transitions");

            migrationBuilder.DropColumn(
                name: "score",
                table: "proposal_transitions");
        }
    }
}
