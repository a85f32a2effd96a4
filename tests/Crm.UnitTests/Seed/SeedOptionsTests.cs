using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Crm.Seed;
using Shouldly;

namespace Crm.UnitTests.Seed;

public sealed class SeedOptionsTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] vars) =>
        name => vars.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void Defaults_come_from_the_crm_variables()
    {
        var options = SeedOptions.Parse([], Env(("CRM_HTTP_PORT", "18080"), ("CRM_ADMIN_EMAIL", "boss@x.test"), ("CRM_ADMIN_PASSWORD", "pw1234567")));
        options.Url.ShouldBe("http://localhost:18080");
        options.Email.ShouldBe("boss@x.test");
        options.Password.ShouldBe("pw1234567");
        (options.Accounts, options.Seed, options.Concurrency, options.Owners).ShouldBe((1000, 42, 12, 0));
    }

    [Fact]
    public void Without_variables_it_targets_the_default_port_and_admin()
    {
        var options = SeedOptions.Parse([], Env());
        options.Url.ShouldBe("http://localhost:8080");
        options.Email.ShouldBe("admin@crm.local");
        options.Password.ShouldBeNull();
    }

    [Fact]
    public void Arguments_override_the_defaults()
    {
        var options = SeedOptions.Parse(
            ["--url", "http://h:1/", "--email", "a@b.c", "--password", "p", "--accounts", "10000", "--seed=7", "--concurrency", "4", "--owners", "3"],
            Env(("CRM_HTTP_PORT", "18080")));
        options.ShouldBe(new SeedOptions { Url = "http://h:1", Email = "a@b.c", Password = "p", Accounts = 10000, Seed = 7, Concurrency = 4, Owners = 3 });
        options.EffectiveOwnerPassword.ShouldBe("Seed-7-owner");
    }

    [Theory]
    [InlineData("--accounts", "-1")]
    [InlineData("--concurrency", "0")]
    [InlineData("--bogus", "1")]
    public void Bad_arguments_are_refused(string name, string value) =>
        Should.Throw<FormatException>(() => SeedOptions.Parse([name, value], Env()));

    [Fact]
    public void The_admin_password_file_is_the_apphosts_secret()
    {
        SeedOptions.AdminPasswordFile(Env(), "/repo").ShouldBe("/repo/.crm/secrets/admin-password");
        SeedOptions.AdminPasswordFile(Env(("CRM_DATA_DIR", "/tmp/d")), "/repo").ShouldBe("/tmp/d/secrets/admin-password");
        SeedOptions.AdminPasswordFile(Env(("CRM_DATA_DIR", "data")), "/repo").ShouldBe("/repo/data/secrets/admin-password");
    }

    [Fact]
    public void The_set_password_token_is_read_from_the_link() =>
        CrmApi.SetPasswordToken("http://localhost:8080/set-password?token=abc%2Bdef_-1&x=2").ShouldBe("abc+def_-1");
}

/// <summary>The HTTP part against a fake API: retries, owners, parents created before their children.</summary>
public sealed class SeederTests
{
    [Fact]
    public async Task Seeds_through_the_api_with_retries_and_parent_ids()
    {
        var fake = new FakeCrm();
        var options = new SeedOptions { Url = "http://fake", Email = "admin@crm.local", Password = "pw", Accounts = 300, Owners = 2, Concurrency = 8, AccountsOnly = true };
        var log = new List<string>();
        using var api = new CrmApi(options.Url, options.Concurrency, l => { lock (log) { log.Add(l); } }, fake);

        var result = await new Seeder(options, api, l => { lock (log) { log.Add(l); } }).RunAsync(CancellationToken.None);

        result.Created.ShouldBe(300);
        result.Failed.ShouldBe(0);
        result.Owners.ShouldBe(3);
        fake.Accounts.Count.ShouldBe(300);
        fake.Failures.ShouldBeGreaterThan(0); // every 25th POST fails once with a 503 and is retried
        fake.Accounts.Values.Select(a => a.Owner).Distinct().Count().ShouldBe(3);
        var expected = new AccountGenerator(42).Generate(300, 2);
        foreach (var draft in expected.Where(d => d.ParentIndex is not null))
        {
            var child = fake.Accounts.Values.Single(a => a.Body["name"]!.GetValue<string>() == draft.Name);
            var parentId = child.Body["parent_account_id"]!.GetValue<string>();
            fake.Accounts[parentId].Body["name"]!.GetValue<string>().ShouldBe(expected[draft.ParentIndex!.Value].Name);
        }
    }

    private sealed class FakeCrm : HttpMessageHandler
    {
        private int _posts;

        public Dictionary<string, (string Owner, JsonObject Body)> Accounts { get; } = [];

        public int Failures { get; private set; }

        private Dictionary<string, string> Users { get; } = new() { ["admin@crm.local"] = "pw" };

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? null : JsonNode.Parse(await request.Content.ReadAsStringAsync(cancellationToken))!.AsObject();
            var bearer = request.Headers.Authorization?.Parameter;
            await Task.Yield();
            lock (this)
            {
                switch (request.RequestUri!.AbsolutePath)
                {
                    case "/api/v1/auth/login":
                        var email = body!["email"]!.GetValue<string>();
                        return Users.TryGetValue(email, out var pw) && pw == body["password"]!.GetValue<string>()
                            ? Json(HttpStatusCode.OK, new JsonObject { ["token"] = "t:" + email })
                            : Json(HttpStatusCode.Unauthorized, new JsonObject());
                    case "/api/v1/admin/users" when bearer == "t:admin@crm.local":
                        Users[body!["email"]!.GetValue<string>()] = "";
                        return Json(HttpStatusCode.Created, new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["set_password_url"] = "http://x/set-password?token=" + Uri.EscapeDataString(body["email"]!.GetValue<string>()) });
                    case "/api/v1/auth/set-password":
                        Users[body!["token"]!.GetValue<string>()] = body["new_password"]!.GetValue<string>();
                        return new HttpResponseMessage(HttpStatusCode.NoContent);
                    case "/api/v1/accounts" when bearer is not null:
                        if (++_posts % 25 == 0)
                        {
                            Failures++;
                            return Json(HttpStatusCode.ServiceUnavailable, new JsonObject());
                        }

                        if (body!["parent_account_id"] is { } parent && !Accounts.ContainsKey(parent.GetValue<string>()))
                        {
                            return Json(HttpStatusCode.BadRequest, new JsonObject { ["detail"] = "unknown parent" });
                        }

                        var id = Guid.NewGuid().ToString();
                        Accounts[id] = (bearer, body);
                        return Json(HttpStatusCode.Created, new JsonObject { ["id"] = id, ["name"] = body["name"]!.DeepClone() });
                    default:
                        return Json(HttpStatusCode.NotFound, new JsonObject());
                }
            }
        }

        private static HttpResponseMessage Json(HttpStatusCode status, JsonObject body) =>
            new(status) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
    }
}
