using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.TestSupport;
using Xunit;

namespace KhuyenCong.Identity.Tests;

[Collection(ServersCollection.Name)]
public sealed class UsersApiTests(PostgresServer postgres, RabbitMqServer rabbit) : IdentityApp(postgres, rabbit)
{
    private HttpClient _admin = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _admin = ClientWith(await AdminTokenAsync());
    }

    public override async Task DisposeAsync()
    {
        _admin.Dispose();
        await base.DisposeAsync();
    }

    private static object NewUser(string userName, string[] roles, string password = "Mat-khau-2024", string? unitCode = null, string? taxCode = null) =>
        new { userName, displayName = "Nguyễn Văn An", email = $"{userName}@example.vn", roles, unitCode, taxCode, password };

    [Fact]
    public async Task Only_an_administrator_manages_users()
    {
        await CreateUserAsync("officer", "Officer-2024", ["Officer"]);
        using var officer = ClientWith(await AccessTokenAsync("officer", "Officer-2024"));

        Assert.Equal(HttpStatusCode.Unauthorized, (await Client.GetAsync("/api/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Client.PostAsJsonAsync("/api/users", NewUser("x", ["Officer"]))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/api/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync("/api/users", NewUser("x", ["Admin"]))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/api/users/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _admin.GetAsync("/api/users")).StatusCode);
    }

    [Fact]
    public async Task Bad_input_is_a_validation_problem_naming_each_field()
    {
        var response = await _admin.PostAsJsonAsync("/api/users", new
        {
            userName = "", displayName = "", email = "not-an-address", roles = new[] { "Director" }, password = "",
        });

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "/errors/validation");
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["displayName", "email", "password", "roles", "userName"], errors.EnumerateObject().Select(e => e.Name).Order());
        await AssertProblemAsync(await _admin.PostAsync("/api/users", JsonContent.Create("[")), HttpStatusCode.BadRequest, "/errors/malformed-request");
    }

    [Fact]
    public async Task A_district_officer_needs_a_unit_and_an_establishment_user_a_tax_code_and_no_one_else_has_either()
    {
        var noUnit = await _admin.PostAsJsonAsync("/api/users", NewUser("huyen", ["DistrictOfficer"]));
        var noTaxCode = await _admin.PostAsJsonAsync("/api/users", NewUser("htx", ["Establishment"]));
        var badTaxCode = await _admin.PostAsJsonAsync("/api/users", NewUser("htx", ["Establishment"], taxCode: "12AB"));
        var officerWithUnit = await _admin.PostAsJsonAsync("/api/users", NewUser("can-bo", ["Officer"], unitCode: "dong-trieu"));
        var mixed = await _admin.PostAsJsonAsync("/api/users", NewUser("lanh-dao", ["Leader", "DistrictOfficer"], unitCode: "dong-trieu"));

        foreach (var (response, field) in new[] { (noUnit, "unitCode"), (noTaxCode, "taxCode"), (badTaxCode, "taxCode"), (officerWithUnit, "unitCode"), (mixed, "roles") })
        {
            await AssertProblemAsync(response, HttpStatusCode.BadRequest, "/errors/validation");
            Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _), field);
        }
        Assert.Equal(1, await WithDbAsync(db => Task.FromResult(db.Users.Count())));
    }

    [Fact]
    public async Task The_password_policy_asks_for_ten_characters_with_upper_and_lower_case_and_a_digit()
    {
        foreach (var weak in new[] { "Short-1a", "no-upper-case-1", "NO-LOWER-CASE-1", "No-Digits-Here" })
        {
            var response = await _admin.PostAsJsonAsync("/api/users", NewUser("weak", ["Officer"], password: weak));
            await AssertProblemAsync(response, HttpStatusCode.BadRequest, "/errors/validation");
            Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("password", out _), weak);
        }
        Assert.Equal(HttpStatusCode.Created, (await _admin.PostAsJsonAsync("/api/users", NewUser("strong", ["Officer"], password: "Manh-Me-2024"))).StatusCode);
        Assert.Equal(2, await WithDbAsync(db => Task.FromResult(db.Users.Count())));
    }

    [Fact]
    public async Task A_user_name_is_taken_once_and_an_unknown_user_is_not_found()
    {
        Assert.Equal(HttpStatusCode.Created, (await _admin.PostAsJsonAsync("/api/users", NewUser("an.nguyen", ["Officer"]))).StatusCode);

        await AssertProblemAsync(await _admin.PostAsJsonAsync("/api/users", NewUser("AN.NGUYEN", ["Leader"])), HttpStatusCode.Conflict, "/errors/duplicate-user");
        await AssertProblemAsync(await _admin.GetAsync("/api/users/nobody"), HttpStatusCode.NotFound, "/errors/not-found");
        await AssertProblemAsync(await _admin.PostAsync("/api/users/nobody/lock", null), HttpStatusCode.NotFound, "/errors/not-found");
        await AssertProblemAsync(await _admin.PutAsJsonAsync("/api/users/nobody", new { displayName = "X", roles = new[] { "Officer" } }),
            HttpStatusCode.NotFound, "/errors/not-found");
    }

    [Fact]
    public async Task An_administrator_changes_roles_and_scope_and_the_next_token_says_so()
    {
        var user = await CreateUserAsync("chuyen-vien", "Chuyen-Vien-24", ["Officer"]);
        var id = user.GetProperty("id").GetString();

        var updated = await _admin.PutAsJsonAsync($"/api/users/{id}", new
        {
            displayName = "Chuyên viên Hạ Long", roles = new[] { "DistrictOfficer" }, unitCode = "p-ha-long", district = "Hạ Long",
        });

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var body = await updated.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["DistrictOfficer"], body.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        var token = PayloadOf(await AccessTokenAsync("chuyen-vien", "Chuyen-Vien-24"));
        Assert.Equal(["DistrictOfficer"], RolesIn(token));
        Assert.Equal("p-ha-long", token.GetProperty("kc_unit").GetString());
        Assert.Equal("Chuyên viên Hạ Long", token.GetProperty("name").GetString());
    }

    [Fact]
    public async Task An_administrator_changes_a_user_s_e_mail_and_a_malformed_one_is_refused_in_Vietnamese()
    {
        var user = await CreateUserAsync("thu-ky", "Thu-Ky-2024-a", ["Officer"]);
        var id = user.GetProperty("id").GetString();

        var changed = await _admin.PutAsJsonAsync($"/api/users/{id}", new { displayName = "Thư ký", email = "thuky@khuyencong.quangninh.gov.vn", roles = new[] { "Officer" } });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("thuky@khuyencong.quangninh.gov.vn", (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("email").GetString());

        foreach (var malformed in new[] { "thuky@", "Thư ký <thuky@khuyencong.vn>", "thuky@localhost", "a@b.vn, c@d.vn" })
        {
            var refused = await _admin.PutAsJsonAsync($"/api/users/{id}", new { displayName = "Thư ký", email = malformed, roles = new[] { "Officer" } });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
            Assert.Contains("phải là địa chỉ thư điện tử", errors.GetProperty("email")[0].GetString());
        }
        var kept = await _admin.GetFromJsonAsync<JsonElement>($"/api/users/{id}");
        Assert.Equal("thuky@khuyencong.quangninh.gov.vn", kept.GetProperty("email").GetString());
    }

    [Fact]
    public async Task Users_are_listed_by_page_and_found_by_name_or_role()
    {
        await CreateUserAsync("hd-1", "Hoi-Dong-2024", ["Appraiser"]);
        await CreateUserAsync("hd-2", "Hoi-Dong-2024", ["Appraiser"]);
        await CreateUserAsync("ld-1", "Lanh-Dao-2024", ["Leader"]);

        var page = await _admin.GetFromJsonAsync<JsonElement>("/api/users?role=appraiser&pageSize=1&page=2");
        var found = await _admin.GetFromJsonAsync<JsonElement>("/api/users?q=LD-");

        Assert.Equal(2, page.GetProperty("total").GetInt32());
        Assert.Equal("hd-2", page.GetProperty("items")[0].GetProperty("userName").GetString());
        Assert.Equal(["ld-1"], found.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("userName").GetString()));
        await AssertProblemAsync(await _admin.GetAsync("/api/users?pageSize=500"), HttpStatusCode.BadRequest, "/errors/validation");
        await AssertProblemAsync(await _admin.GetAsync("/api/users?role=Director"), HttpStatusCode.BadRequest, "/errors/validation");
    }

    [Fact]
    public async Task A_locked_user_gets_no_token_until_unlocked_and_a_reset_password_replaces_the_old_one()
    {
        var id = (await CreateUserAsync("tam-khoa", "Tam-Khoa-2024", ["Officer"])).GetProperty("id").GetString();

        var locked = await _admin.PostAsync($"/api/users/{id}/lock", null);
        Assert.True((await locked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("isLocked").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, (await RequestTokenAsync(Client, ("grant_type", "password"), ("client_id", "kc-cli"),
            ("username", "tam-khoa"), ("password", "Tam-Khoa-2024"))).StatusCode);
        await _admin.PostAsync($"/api/users/{id}/unlock", null);
        await AccessTokenAsync("tam-khoa", "Tam-Khoa-2024");

        await AssertProblemAsync(await _admin.PostAsJsonAsync($"/api/users/{id}/password", new { newPassword = "weak" }), HttpStatusCode.BadRequest, "/errors/validation");
        Assert.Equal(HttpStatusCode.NoContent, (await _admin.PostAsJsonAsync($"/api/users/{id}/password", new { newPassword = "Moi-Hon-2025" })).StatusCode);
        await AccessTokenAsync("tam-khoa", "Moi-Hon-2025");
        Assert.Equal(HttpStatusCode.BadRequest, (await RequestTokenAsync(Client, ("grant_type", "password"), ("client_id", "kc-cli"),
            ("username", "tam-khoa"), ("password", "Tam-Khoa-2024"))).StatusCode);
    }

    [Fact]
    public async Task The_only_administrator_can_neither_be_locked_nor_lose_the_role()
    {
        var adminId = (await _admin.GetFromJsonAsync<JsonElement>("/api/users?role=Admin")).GetProperty("items")[0].GetProperty("id").GetString();
        var other = (await CreateUserAsync("admin-2", "Quan-Tri-2024", ["Admin"])).GetProperty("id").GetString();
        await _admin.PostAsync($"/api/users/{other}/lock", null);

        await AssertProblemAsync(await _admin.PostAsync($"/api/users/{adminId}/lock", null), HttpStatusCode.Conflict, "/errors/cannot-lock-yourself");
        await AssertProblemAsync(await _admin.PutAsJsonAsync($"/api/users/{adminId}", new { displayName = "Quản trị", roles = new[] { "Officer" } }),
            HttpStatusCode.Conflict, "/errors/last-admin");
        await _admin.PostAsync($"/api/users/{other}/unlock", null);
        Assert.Equal(HttpStatusCode.OK, (await _admin.PutAsJsonAsync($"/api/users/{adminId}", new { displayName = "Quản trị", roles = new[] { "Officer" } })).StatusCode);
    }

    [Fact]
    public async Task Password_rules_roles_and_conflicts_are_told_in_Vietnamese_with_the_rule_and_the_roles_people_know()
    {
        var weak = await _admin.PostAsJsonAsync("/api/users", NewUser("mat-khau-yeu", ["Officer"], password: "abc"));
        var errors = (await weak.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("password")
            .EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("Mật khẩu phải có ít nhất 10 ký tự.", errors);
        Assert.Contains("Mật khẩu phải có ít nhất một chữ hoa.", errors);

        var roles = await _admin.PostAsJsonAsync("/api/users", NewUser("vai-tro-la", ["Juggler"]));
        var roleErrors = (await roles.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("roles")
            .EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains(roleErrors, e => e.Contains("Quản trị hệ thống", StringComparison.Ordinal) && e.Contains("Cán bộ Trung tâm", StringComparison.Ordinal));
        Assert.DoesNotContain(roleErrors, e => e.Contains("Officer", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Created, (await _admin.PostAsJsonAsync("/api/users", NewUser("trung-ten", ["Officer"]))).StatusCode);
        var duplicate = await _admin.PostAsJsonAsync("/api/users", NewUser("trung-ten", ["Officer"]));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal("Tên đăng nhập 'trung-ten' đã được dùng.", (await duplicate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_password_over_128_characters_is_refused_in_Vietnamese_and_in_English_when_asked()
    {
        var tooLong = "Dai-Qua-1" + new string('x', 120);
        var created = await _admin.PostAsJsonAsync("/api/users", NewUser("mat-khau-dai", ["Officer"], password: tooLong));

        await AssertProblemAsync(created, HttpStatusCode.BadRequest, "/errors/validation");
        var problem = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Dữ liệu gửi lên không hợp lệ.", problem.GetProperty("title").GetString());
        Assert.Equal(["Mật khẩu dài tối đa 128 ký tự."],
            problem.GetProperty("errors").GetProperty("password").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(HttpStatusCode.Created, (await _admin.PostAsJsonAsync("/api/users",
            NewUser("mat-khau-128", ["Officer"], password: "Du-Dai-128" + new string('x', 118)))).StatusCode);

        var id = (await CreateUserAsync("doi-mat-khau", "Doi-Mat-Khau-2024", ["Officer"])).GetProperty("id").GetString();
        using var reset = new HttpRequestMessage(HttpMethod.Post, $"/api/users/{id}/password") { Content = JsonContent.Create(new { newPassword = tooLong }) };
        reset.Headers.AcceptLanguage.ParseAdd("en");
        var refused = await _admin.SendAsync(reset);

        await AssertProblemAsync(refused, HttpStatusCode.BadRequest, "/errors/validation");
        var english = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("One or more validation errors occurred.", english.GetProperty("title").GetString());
        Assert.Equal(["New password must be at most 128 characters."],
            english.GetProperty("errors").GetProperty("newPassword").EnumerateArray().Select(e => e.GetString()));
        await AccessTokenAsync("doi-mat-khau", "Doi-Mat-Khau-2024");
    }

    [Fact]
    public async Task Signing_in_with_a_password_over_128_characters_is_refused_without_checking_it()
    {
        var response = await RequestTokenAsync(Client, ("grant_type", "password"), ("client_id", "kc-cli"),
            ("username", "admin"), ("password", AdminPassword + new string('x', 129 - AdminPassword.Length)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("invalid_request", answer.GetProperty("error").GetString());
        Assert.Contains("128", answer.GetProperty("error_description").GetString());
    }
}
