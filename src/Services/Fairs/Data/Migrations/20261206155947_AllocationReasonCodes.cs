using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhuyenCong.Fairs.Data.Migrations
{
    /// <inheritdoc />
    public partial class AllocationReasonCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The rule's reasons were English sentences; they become a code with its facts, read back from the sentences
            // the rule wrote. A sentence that does not read as one of them is kept as it was (code "text").
            migrationBuilder.Sql("""
                ALTER TABLE fair_registrations ADD COLUMN rule_reason_codes jsonb;

                UPDATE fair_registrations r SET rule_reason_codes = CASE
                    WHEN parsed.m IS NULL THEN jsonb_build_object(
                        'code', 'text', 'booths', r.booths_allocated, 'boothsWanted', r.booths_wanted, 'boothCount', f.booth_count,
                        'rank', coalesce(r.priority_rank, 3), 'registeredAt', '', 'tied', false, 'position', coalesce(r.allocation_position, 0),
                        'text', r.rule_reason)
                    ELSE jsonb_build_object(
                        'code', CASE WHEN parsed.m[1] IS NOT NULL THEN 'allocated' WHEN parsed.m[2] IS NOT NULL THEN 'partly-allocated' ELSE 'wait-listed' END,
                        'booths', coalesce(parsed.m[1], parsed.m[2], '0')::int,
                        'boothsWanted', coalesce(parsed.m[1]::int, parsed.m[3]::int, r.booths_wanted),
                        'boothCount', coalesce(parsed.m[4]::int, f.booth_count),
                        'rank', CASE WHEN parsed.m[5] IS NOT NULL THEN 1 WHEN parsed.m[8] IS NOT NULL THEN 2 ELSE 3 END,
                        'certificateLevel', initcap(parsed.m[5]),
                        'certificateNumber', parsed.m[6],
                        'priorityArea', coalesce(parsed.m[7], parsed.m[8]),
                        'registeredAt', parsed.m[9],
                        'tied', parsed.m[10] IS NOT NULL,
                        'position', parsed.m[11]::int)
                    END
                FROM (SELECT id, regexp_match(rule_reason,
                        '^(?:Allocated (\d+) booths?: |Allocated (\d+) of (\d+) booths? wanted, the last \d+ booths? left: |Wait-listed: all (\d+) booths? went to registrations ahead in the order; )'
                        || '(?:holds valid ([a-z]+) certificate ([^,]+)(?:, in priority area ([^(]+))? \(priority 1\)'
                        || '|no valid typical-product certificate, in priority area ([^(]+) \(priority 2\)'
                        || '|no valid typical-product certificate, not in a priority area \(priority 3\))'
                        || ', registered (\d{4}-\d{2}-\d{2} \d{2}:\d{2})(, same registration time as another of this priority, ordered by tax code)?'
                        || ', (\d+)(?:st|nd|rd|th) in the allocation order\.$') AS m
                      FROM fair_registrations) AS parsed, fairs f
                WHERE parsed.id = r.id AND f.id = r.fair_id AND r.rule_reason IS NOT NULL;

                ALTER TABLE fair_registrations DROP COLUMN rule_reason;
                ALTER TABLE fair_registrations RENAME COLUMN rule_reason_codes TO rule_reason;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to text: a kept sentence as it was, a coded reason as its JSON.
            migrationBuilder.Sql("""
                ALTER TABLE fair_registrations ALTER COLUMN rule_reason TYPE character varying(1000)
                    USING CASE WHEN rule_reason->>'code' = 'text' THEN rule_reason->>'text' ELSE left(rule_reason::text, 1000) END;
                """);
        }
    }
}
