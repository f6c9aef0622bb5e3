using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Crm.Api.Features.Auth;
using Crm.Api.IntegrationTests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Crm.Api.IntegrationTests;

public abstract class AuthTestsBase(ApiFixture fixture)
{
    private ApiFixture Api => fixture.Ready();

    [Fact]
    public async Task Sign_in_returns_an_access_token_of_at_most_15_minutes_and_a_refresh_token()
    {
        var tokens = await Api.SignIn("east.sales1");

        tokens.TokenType.ShouldBe("Bearer");
        tokens.ExpiresIn.ShouldBeInRange(1, 900);
        tokens.RefreshToken.Length.ShouldBeGreaterThanOrEqualTo(40);
        var jwt = new JwtSecurityTokenHandler().ReadJwtToken(tokens.AccessToken);
        (jwt.ValidTo - jwt.IssuedAt).ShouldBeLessThanOrEqualTo(TimeSpan.FromMinutes(15));
        jwt.Claims.Single(c => c.Type == "unique_name").Value.ShouldBe("east.sales1");
    }

    [Fact]
    public async Task Unknown_user_and_wrong_password_get_the_same_answer()
    {
        var unknown = await Api.Anonymous().PostJson("/api/v1/auth/token", new { username = "nobody.here", password = "Wrong#123" });
        var wrong = await Api.Anonymous().PostJson("/api/v1/auth/token", new { username = "south.manager", password = "Wrong#123" });

        unknown.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        unknown.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var a = await unknown.Body();
        var b = await wrong.Body();
        a["detail"]!.GetValue<string>().ShouldBe(b["detail"]!.GetValue<string>());
        a["code"]!.GetValue<string>().ShouldBe("invalidCredentials");
        b["code"]!.GetValue<string>().ShouldBe("invalidCredentials");
    }

    [Fact]
    public async Task Five_failures_for_one_user_name_answer_429_with_Retry_After()
    {
        const string username = "throttle.target";
        for (var i = 0; i < 5; i++)
            (await Api.Anonymous().PostJson("/api/v1/auth/token", new { username, password = "Wrong#123" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var sixth = await Api.Anonymous().PostJson("/api/v1/auth/token", new { username, password = "Wrong#123" });

        sixth.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        var retryAfter = int.Parse(sixth.Headers.GetValues("Retry-After").Single());
        retryAfter.ShouldBeInRange(1, 300);
        (await sixth.Body())["code"]!.GetValue<string>().ShouldBe("tooManyFailedSignIns");
    }

    [Fact]
    public async Task Empty_credentials_are_a_400_with_field_errors()
    {
        var response = await Api.Anonymous().PostJson("/api/v1/auth/token", new { username = "", password = "" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Body())["errors"]!.AsObject();
        errors.ContainsKey("username").ShouldBeTrue();
        errors.ContainsKey("password").ShouldBeTrue();
    }

    [Fact]
    public async Task Refresh_rotates_the_token_and_reuse_of_a_rotated_token_revokes_the_family()
    {
        var first = await Api.SignIn("east.sales2");
        var refreshed = await Api.Anonymous().PostJson("/api/v1/auth/refresh", new { refreshToken = first.RefreshToken });
        refreshed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var second = await refreshed.Read<TokenResponse>();
        second.RefreshToken.ShouldNotBe(first.RefreshToken);

        var reuse = await Api.Anonymous().PostJson("/api/v1/auth/refresh", new { refreshToken = first.RefreshToken });
        reuse.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await reuse.Body())["code"]!.GetValue<string>().ShouldBe("refreshTokenReused");

        // The thief's use revoked the whole family, the legitimate newest token included.
        var afterRevocation = await Api.Anonymous().PostJson("/api/v1/auth/refresh", new { refreshToken = second.RefreshToken });
        afterRevocation.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Logout_revokes_the_refresh_token()
    {
        var tokens = await Api.SignIn("deputy");
        var client = Api.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);

        (await client.PostJson("/api/v1/auth/logout", new { refreshToken = tokens.RefreshToken })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await Api.Anonymous().PostJson("/api/v1/auth/refresh", new { refreshToken = tokens.RefreshToken })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Every_api_endpoint_requires_a_token()
    {
        foreach (var url in new[] { "/api/v1/me", "/api/v1/customers", "/api/v1/customers/1", "/api/v1/org/units", "/api/v1/org/staff" })
        {
            var response = await Api.Anonymous().GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, url);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        }
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_refused()
    {
        var forged = Token(DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(10), "another-key-another-key-another-key-0123");
        var client = Api.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", forged);

        (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_expired_longer_ago_than_the_30_second_clock_skew_is_refused()
    {
        var expired = Token(DateTime.UtcNow.AddMinutes(-20), DateTime.UtcNow.AddSeconds(-45), ApiFixture.TestSigningKey);
        var client = Api.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", expired);

        var response = await client.GetAsync("/api/v1/me");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Body())["code"]!.GetValue<string>().ShouldBe("tokenExpired");
    }

    [Fact]
    public async Task Me_returns_the_caller_unit_positions_and_permissions()
    {
        var me = await (await (await Api.As("east.manager")).GetAsync("/api/v1/me")).Read<MeResponse>();

        me.Username.ShouldBe("east.manager");
        me.UnitName.ShouldBe("华东营销部");
        me.Positions.ShouldContain("UnitManager");
        me.Permissions.ShouldContain("customers.read");
        me.Permissions.ShouldContain("customers.archive");
        me.Permissions.ShouldNotContain("admin.users");
        me.CustomerScope.ShouldBe("UnitSubtree");
    }

    [Fact]
    public async Task A_disabled_users_still_valid_token_is_refused_on_its_next_request()
    {
        var victim = await Api.As("south.sales1");
        (await victim.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var admin = await Api.As("admin");
        var staff = await (await admin.GetAsync("/api/v1/org/staff?q=south.sales1")).Body();
        var id = staff["items"]![0]!["id"]!.GetValue<long>();

        (await admin.PostAsync($"/api/v1/org/staff/{id}/disable", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        try
        {
            (await victim.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            (await Api.Anonymous().PostJson("/api/v1/auth/token", new { username = "south.sales1", password = ApiFixture.DemoPassword }))
                .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
        finally
        {
            await admin.PostAsync($"/api/v1/org/staff/{id}/enable", null);
            Api.ForgetToken("south.sales1");
        }
    }

    private string Token(DateTime notBefore, DateTime expires, string key)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = "crm",
            Audience = "crm",
            IssuedAt = notBefore,
            NotBefore = notBefore,
            Expires = expires,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
            Claims = new Dictionary<string, object> { ["sub"] = "1", ["unique_name"] = "gm", ["stamp"] = "x" },
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}

public sealed class AuthTests(SqliteApiFixture fixture) : AuthTestsBase(fixture), IClassFixture<SqliteApiFixture>;

public sealed class AuthTestsOnSqlServer(SqlServerApiFixture fixture) : AuthTestsBase(fixture), IClassFixture<SqlServerApiFixture>;
