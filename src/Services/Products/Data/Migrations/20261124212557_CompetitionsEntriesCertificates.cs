using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhuyenCong.Products.Data.Migrations
{
    /// <inheritdoc />
    public partial class CompetitionsEntriesCertificates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "title",
                table: "competitions",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AlterColumn<string>(
                name: "level",
                table: "competitions",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AddColumn<DateOnly>(
                name: "certificates_issued_on",
                table: "competitions",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "complaint_deadline",
                table: "competitions",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "created_at",
                table: "competitions",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<DateOnly>(
                name: "opened_on",
                table: "competitions",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "pass_rule_effective_from",
                table: "competitions",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "pass_threshold",
                table: "competitions",
                type: "numeric(5,2)",
                precision: 5,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "region",
                table: "competitions",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "registration_closes_on",
                table: "competitions",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<DateOnly>(
                name: "registration_opens_on",
                table: "competitions",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<string>(
                name: "results_decision_number",
                table: "competitions",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "results_published_on",
                table: "competitions",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "status",
                table: "competitions",
                type: "character varying(24)",
                maxLength: 24,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "updated_at",
                table: "competitions",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "competitions",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.CreateTable(
                name: "certificate_number_sequences",
                columns: table => new
                {
                    level_code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    last_value = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_certificate_number_sequences", x => new { x.level_code, x.year });
                });

            migrationBuilder.CreateTable(
                name: "certificates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    competition_id = table.Column<Guid>(type: "uuid", nullable: false),
                    competition_year = table.Column<int>(type: "integer", nullable: false),
                    entry_id = table.Column<Guid>(type: "uuid", nullable: false),
                    product_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    group = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    establishment_tax_code = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    establishment_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    district = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    average_score = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    issued_on = table.Column<DateOnly>(type: "date", nullable: false),
                    expires_on = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    revoked_on = table.Column<DateOnly>(type: "date", nullable: true),
                    revocation_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    expired_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_certificates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "complaints",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    competition_id = table.Column<Guid>(type: "uuid", nullable: false),
                    entry_id = table.Column<Guid>(type: "uuid", nullable: false),
                    complainant = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    content = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    received_on = table.Column<DateOnly>(type: "date", nullable: false),
                    answer_due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    average_before = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    average_after = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    answer = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    answered_on = table.Column<DateOnly>(type: "date", nullable: true),
                    result_changed = table.Column<bool>(type: "boolean", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_complaints", x => x.id);
                    table.ForeignKey(
                        name: "fk_complaints_competitions_competition_id",
                        column: x => x.competition_id,
                        principalTable: "competitions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    competition_id = table.Column<Guid>(type: "uuid", nullable: false),
                    establishment_tax_code = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    establishment_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    district = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    group = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    product_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    received_on = table.Column<DateOnly>(type: "date", nullable: false),
                    lower_level_certificate_number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    scoring_round = table.Column<int>(type: "integer", nullable: false),
                    under_rescore = table.Column<bool>(type: "boolean", nullable: false),
                    recognised = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_entries_competitions_competition_id",
                        column: x => x.competition_id,
                        principalTable: "competitions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "jury_members",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    competition_id = table.Column<Guid>(type: "uuid", nullable: false),
                    seat = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    position = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_jury_members", x => x.id);
                    table.ForeignKey(
                        name: "fk_jury_members_competitions_competition_id",
                        column: x => x.competition_id,
                        principalTable: "competitions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "known_establishments",
                columns: table => new
                {
                    establishment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    tax_code = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    sector = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    administrative_unit_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    administrative_unit_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    district = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    is_priority_area = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_known_establishments", x => x.establishment_id);
                });

            migrationBuilder.CreateTable(
                name: "certificate_holder_reports",
                columns: table => new
                {
                    certificate_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    revenue = table.Column<long>(type: "bigint", nullable: false),
                    employees = table.Column<int>(type: "integer", nullable: false),
                    notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    reported_on = table.Column<DateOnly>(type: "date", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_certificate_holder_reports", x => new { x.certificate_id, x.year });
                    table.ForeignKey(
                        name: "fk_certificate_holder_reports_certificates_certificate_id",
                        column: x => x.certificate_id,
                        principalTable: "certificates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "entry_photos",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    entry_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    format = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    size_bytes = table.Column<long>(type: "bigint", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_entry_photos", x => x.id);
                    table.ForeignKey(
                        name: "fk_entry_photos_entries_entry_id",
                        column: x => x.entry_id,
                        principalTable: "entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "scores",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    entry_id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    round = table.Column<int>(type: "integer", nullable: false),
                    market = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    technical = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    cultural = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    other = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    scored_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scores", x => x.id);
                    table.ForeignKey(
                        name: "fk_scores_entries_entry_id",
                        column: x => x.entry_id,
                        principalTable: "entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_competitions_year_level",
                table: "competitions",
                columns: new[] { "year", "level" });

            migrationBuilder.CreateIndex(
                name: "ix_certificates_entry_id",
                table: "certificates",
                column: "entry_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_certificates_establishment_tax_code",
                table: "certificates",
                column: "establishment_tax_code");

            migrationBuilder.CreateIndex(
                name: "ix_certificates_number",
                table: "certificates",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_certificates_status_expires_on",
                table: "certificates",
                columns: new[] { "status", "expires_on" });

            migrationBuilder.CreateIndex(
                name: "ix_complaints_competition_id",
                table: "complaints",
                column: "competition_id");

            migrationBuilder.CreateIndex(
                name: "ix_complaints_entry_id",
                table: "complaints",
                column: "entry_id");

            migrationBuilder.CreateIndex(
                name: "ix_entries_competition_id",
                table: "entries",
                column: "competition_id");

            migrationBuilder.CreateIndex(
                name: "ix_entries_establishment_tax_code",
                table: "entries",
                column: "establishment_tax_code");

            migrationBuilder.CreateIndex(
                name: "ix_entry_photos_entry_id_position",
                table: "entry_photos",
                columns: new[] { "entry_id", "position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_jury_members_competition_id",
                table: "jury_members",
                column: "competition_id");

            migrationBuilder.CreateIndex(
                name: "ix_known_establishments_tax_code",
                table: "known_establishments",
                column: "tax_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_scores_entry_id_round_member_id",
                table: "scores",
                columns: new[] { "entry_id", "round", "member_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "certificate_holder_reports");

            migrationBuilder.DropTable(
                name: "certificate_number_sequences");

            migrationBuilder.DropTable(
                name: "complaints");

            migrationBuilder.DropTable(
                name: "entry_photos");

            migrationBuilder.DropTable(
                name: "jury_members");

            migrationBuilder.DropTable(
                name: "known_establishments");

            migrationBuilder.DropTable(
                name: "scores");

            migrationBuilder.DropTable(
                name: "certificates");

            migrationBuilder.DropTable(
                name: "entries");

            migrationBuilder.DropIndex(
                name: "ix_competitions_year_level",
                table: "competitions");

            migrationBuilder.DropColumn(
                name: "certificates_issued_on",
                table: "competitions");

            migrationBuilder.DropColumn(
                name: "complaint_deadline",
                table: "competitions");

            migrationBuilder.DropColumn(
                name: "created_at",
                table: "competitions");

            migrationBuilder.DropColumn(
                name: "opened_on",
                table: "competitions");

            migrationBuilder.DropColumn(
                name: "pass_rule_effective_from",
                table: "competitions");

            migrationBuilder.DropColumn(
                name: "pass_threshold",
                table: "competitions");

            migrationBuilder.DropColumn(
                name: "region",
                table: "competitions");

            migrationBuilder.DropColumn(
                name: "registration_closes_on",
                table: "competitions");

            migrationBuilder.DropColumn(
                name: "registration_opens_on",
                table: "competitions");

            migrationBuilder.DropColumn(
                name: "results_decision_number",
                table: "competitions");

            migrationBuilder.DropColumn(
                name: "results_published_on",
                table: "competitions");

            migrationBuilder.DropColumn(
                name: "status",
                table: "competitions");

            migrationBuilder.DropColumn(
                name: "updated_at",
                table: "competitions");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "competitions");

            migrationBuilder.AlterColumn<string>(
                name: "title",
                table: "competitions",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(300)",
                oldMaxLength: 300);

            migrationBuilder.AlterColumn<string>(
                name: "level",
                table: "competitions",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(16)",
                oldMaxLength: 16);
        }
    }
}
