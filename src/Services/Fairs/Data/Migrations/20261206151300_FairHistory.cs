using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace KhuyenCong.Fairs.Data.Migrations
{
    /// <inheritdoc />
    public partial class FairHistory : Migration
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

            // Fairs created before the history was kept get the entries their own dates tell, by the actor the fair
            // recorded (its creator, the allocation's officer) or by one no longer known (acted_by empty).
            migrationBuilder.Sql("""
                INSERT INTO history_entries (record_id, kind, at, acted_by, reason, changes)
                SELECT record_id, kind, at, acted_by, reason, '[]'::jsonb FROM (
                    SELECT id AS record_id, 'fair-created' AS kind, created_at AS at, created_by AS acted_by, NULL AS reason, 1 AS step FROM fairs
                    UNION ALL SELECT id, 'fair-published', published_at, '', NULL, 2 FROM fairs WHERE published_at IS NOT NULL
                    UNION ALL SELECT id, 'fair-registration-closed', registration_closed_at, '', NULL, 3 FROM fairs WHERE registration_closed_at IS NOT NULL
                    UNION ALL SELECT id, 'fair-allocated', allocated_at, coalesce(allocated_by, ''), NULL, 4 FROM fairs WHERE allocated_at IS NOT NULL
                    UNION ALL SELECT id, 'fair-held', held_at, '', NULL, 5 FROM fairs WHERE held_at IS NOT NULL
                    UNION ALL SELECT id, 'fair-closed', closed_at, '', NULL, 6 FROM fairs WHERE closed_at IS NOT NULL
                    UNION ALL SELECT id, 'fair-cancelled', cancelled_at, '', cancellation_reason, 7 FROM fairs WHERE cancelled_at IS NOT NULL
                ) AS known
                ORDER BY at, step;
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
