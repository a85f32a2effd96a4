using System.Text;
using System.Text.Encodings.Web;

namespace Crm.Identity.Services;

/// <summary>
/// Identity's sign-in page, server-rendered in the app's look (the same card, labels and messages as the web app's
/// pages around it): a form per step, protected by an antiforgery token. It works without script; its one script
/// (<see cref="Script"/>) only carries the username typed so far to "Forgot Your Password?".
/// </summary>
public static class SignInPage
{
    public const string Path = "/account/login";
    public const string CodePath = "/account/login/code";
    public const string ReturnUrlParameter = "ReturnUrl";
    public const string ScriptPath = "/account/signin.js";

    /// <summary>A file of its own: the gateway's Content-Security-Policy allows scripts from this origin only, none inline.</summary>
    public const string Script = """
        document.addEventListener('DOMContentLoaded', () => {
          const username = document.getElementById('f_username');
          const forgot = document.getElementById('forgot');
          if (!username || !forgot) return;
          const update = () => {
            const value = username.value.trim();
            forgot.href = value ? '/forgot-password?email=' + encodeURIComponent(value) : '/forgot-password';
          };
          username.addEventListener('input', update);
          update();
        });
        """;

    public sealed record PasswordStep(string ReturnUrl, string Csrf, string? Username = null, bool RememberMe = false, string? Error = null, string? UsernameError = null, string? PasswordError = null);

    public sealed record CodeStep(string ReturnUrl, string Csrf, bool Recovery, string? Error = null, string? CodeError = null);

    public static string Render(PasswordStep step)
    {
        var forgot = string.IsNullOrWhiteSpace(step.Username) ? "/forgot-password" : "/forgot-password?email=" + Uri.EscapeDataString(step.Username.Trim());
        var body = new StringBuilder()
            .Append($"""<form class="card" method="post" action="{Path}" novalidate aria-label="Log in">""")
            .Append(Hidden("__csrf", step.Csrf)).Append(Hidden(ReturnUrlParameter, step.ReturnUrl))
            .Append(Alert(step.Error))
            .Append(Field("Username", "username", "text", step.Username, step.UsernameError, """autocomplete="username" inputmode="email" autocapitalize="none" spellcheck="false" autofocus"""))
            .Append(Field("Password", "password", "password", null, step.PasswordError, """autocomplete="current-password" """))
            .Append("""<button type="submit" class="submit">Log In</button>""")
            .Append($"""<label class="check"><input type="checkbox" name="remember_me" value="true"{(step.RememberMe ? " checked" : "")}> Remember me</label>""")
            .Append($"""<p class="links"><a id="forgot" href="{Attr(forgot)}">Forgot Your Password?</a></p>""")
            .Append("</form>");
        return Layout("Log In | Agency CRM", body.ToString());
    }

    public static string Render(CodeStep step)
    {
        var (label, name, hint, other) = step.Recovery
            ? ("Recovery Code", "recovery_code", "Enter one of the recovery codes you saved when you set up two-factor authentication. Each code works once.", "Use your authenticator app instead")
            : ("Verification Code", "otp", "Enter the 6-digit code from your authenticator app.", "Use a recovery code instead");
        var switchUrl = $"{CodePath}?{ReturnUrlParameter}={Uri.EscapeDataString(step.ReturnUrl)}&mode={(step.Recovery ? "code" : "recovery")}";
        var back = $"{Path}?{ReturnUrlParameter}={Uri.EscapeDataString(step.ReturnUrl)}";
        var body = new StringBuilder()
            .Append($"""<form class="card" method="post" action="{CodePath}" novalidate aria-label="Verify your identity">""")
            .Append(Hidden("__csrf", step.Csrf)).Append(Hidden(ReturnUrlParameter, step.ReturnUrl)).Append(Hidden("mode", step.Recovery ? "recovery" : "code"))
            .Append("""<h2 class="step">Verify Your Identity</h2>""")
            .Append($"""<p class="hint">{Text(hint)}</p>""")
            .Append(Alert(step.Error))
            .Append(Field(label, name, "text", null, step.CodeError, step.Recovery
                ? """autocomplete="off" autocapitalize="none" spellcheck="false" autofocus"""
                : """autocomplete="one-time-code" inputmode="numeric" autofocus"""))
            .Append("""<button type="submit" class="submit">Verify</button>""")
            .Append($"""<p class="links split"><a href="{Attr(switchUrl)}">{Text(other)}</a><a href="{Attr(back)}">Back</a></p>""")
            .Append("</form>");
        return Layout("Verify Your Identity | Agency CRM", body.ToString());
    }

    private static string Field(string label, string name, string type, string? value, string? error, string attributes)
    {
        var id = "f_" + name;
        var invalid = error is null ? "" : $""" aria-invalid="true" aria-describedby="{id}_error" """;
        var message = error is null ? "" : $"""<div class="field-error" id="{id}_error">{Text(error)}</div>""";
        return $"""<div class="field{(error is null ? "" : " has-error")}"><label for="{id}">{Text(label)}</label><input id="{id}" name="{name}" type="{type}" value="{Attr(value ?? "")}" {attributes}{invalid}>{message}</div>""";
    }

    private static string Alert(string? error) => error is null ? "" : $"""<div class="error" role="alert">{Text(error)}</div>""";

    private static string Hidden(string name, string value) => $"""<input type="hidden" name="{name}" value="{Attr(value)}">""";

    private static string Text(string value) => HtmlEncoder.Default.Encode(value);

    private static string Attr(string value) => HtmlEncoder.Default.Encode(value);

    private static string Layout(string title, string card) => $$"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex">
        <title>{{Text(title)}}</title>
        <script src="{{ScriptPath}}" defer></script>
        <style>
        *{box-sizing:border-box}
        body{margin:0;font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#181818;min-height:100vh;display:flex;flex-direction:column;align-items:center;background:linear-gradient(180deg,#eaf0f8 0%,#f4f6f9 60%);padding:0 1rem}
        main{width:100%;max-width:25rem;margin-top:8vh;display:flex;flex-direction:column;align-items:center}
        .logo{display:flex;align-items:center;gap:.5rem;margin-bottom:1.75rem;color:#0176d3;font-size:1.75rem}
        .logo svg{width:4.5rem;height:3rem}
        .logo span{color:#181818}
        .card{width:100%;background:#fff;border:1px solid #d8dde6;border-radius:.25rem;padding:1.25rem 1.25rem 1.5rem;box-shadow:0 2px 6px rgba(0,0,0,.06)}
        .field+.field{margin-top:1rem}
        label{display:block;font-size:.8125rem;color:#54698d;margin-bottom:.25rem}
        input[type=text],input[type=password]{width:100%;min-height:2.5rem;font-size:.875rem;padding:0 .75rem;border:1px solid #c9c9c9;border-radius:.25rem;background:#fff;color:#181818}
        input:focus{outline:0;border-color:#1b96ff;box-shadow:0 0 3px #0176d3}
        .has-error input{border-color:#ba0517;box-shadow:0 0 0 1px #ba0517 inset}
        .field-error{color:#ba0517;font-size:.75rem;margin-top:.25rem}
        .submit{display:block;width:100%;margin-top:1.25rem;min-height:2.75rem;font-size:.9375rem;color:#fff;background:#0176d3;border:1px solid #0176d3;border-radius:.25rem;cursor:pointer}
        .submit:hover{background:#014486;border-color:#014486}
        .check{display:flex;align-items:center;gap:.5rem;margin-top:.75rem;color:#181818;font-size:.8125rem}
        .error{color:#ba0517;background:#feded8;border-radius:.25rem;padding:.625rem .75rem;margin-bottom:1rem;font-size:.8125rem}
        .links{margin:1.25rem 0 0;text-align:center;font-size:.8125rem}
        .links.split{display:flex;justify-content:space-between}
        a{color:#0176d3;text-decoration:none}
        a:hover{text-decoration:underline}
        .step{font-size:1rem;font-weight:400;margin:0 0 .25rem}
        .hint{font-size:.8125rem;margin:0 0 1rem}
        footer{margin-top:auto;padding:2rem 0 1.5rem;font-size:.75rem;color:#706e6b}
        </style>
        </head>
        <body>
        <main>
        <div class="logo"><svg viewBox="0 0 48 32" aria-hidden="true" focusable="false"><path d="M19.9 3.5a8.6 8.6 0 0 1 6.3-2.7c3.3 0 6.2 1.8 7.7 4.6a10.6 10.6 0 0 1 4.4-.9C44.2 4.5 48 8.4 48 13.2S44.2 22 38.3 22c-.7 0-1.4-.1-2.1-.2a7.6 7.6 0 0 1-6.6 3.9c-1.2 0-2.3-.3-3.3-.8a8.7 8.7 0 0 1-16.1-.4c-.6.1-1.1.2-1.7.2C3.9 24.7.5 21.3.5 17c0-2.9 1.5-5.4 3.8-6.7-.5-1.1-.7-2.3-.7-3.5C3.6 2.9 6.8-.3 10.8-.3c2.3 0 4.4 1.1 5.8 2.9" fill="currentColor"/><path d="M17.5 19.5 22.4 7h3l4.9 12.5h-2.9l-1.1-3h-4.8l-1.1 3h-2.9Zm4.9-5.4h3.2L24 9.7l-1.6 4.4Z" fill="#fff"/></svg><span>Agency CRM</span></div>
        {{card}}
        </main>
        <footer>© {{DateTime.UtcNow.Year}} Agency CRM. All rights reserved.</footer>
        </body>
        </html>
        """;
}
