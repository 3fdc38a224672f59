using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace KhuyenCong.Products.Data.Migrations
{
    /// <inheritdoc />
    public partial class CompetitionHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "history_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    record_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    acted_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    acted_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    occurred_on = table.Column<DateOnly>(type: "date", nullable: true),
                    amount = table.Column<long>(type: "bigint", nullable: true),
                    score = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: true),
                    document = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    subject = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    changes = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_history_entries", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_history_entries_record_id_id",
                table: "history_entries",
                columns: new[] { "record_id", "id" });

            // Competitions created before the history was kept get their creation, by an actor no longer known
            // (acted_by empty), with the schedule decision; what followed is told by the competition's own dates.
            migrationBuilder.Sql("""
                INSERT INTO history_entries (record_id, kind, at, acted_by, occurred_on, document, changes)
                SELECT id, 'competition-created', created_at, '', schedule_decision_date, schedule_decision_number, '[]'::jsonb
                FROM competitions ORDER BY created_at;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "history_entries");
        }
    }
}
