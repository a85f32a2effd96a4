using System.Globalization;
using System.Net;
using System.Text;

namespace Crm.MailSink;

/// <summary>
/// The page the dashboard links to: every message received (newest first, refreshed every 10 s) and each message
/// with its links clickable. Plain server-rendered HTML in the CRM's Lightning look; no script.
/// </summary>
public static class MailPages
{
    public static IEndpointRouteBuilder MapMailPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (string? to, MailStore store) => TypedResults.Content(List(store.All(), to), "text/html; charset=utf-8"));
        app.MapGet("/messages/{id}", (string id, MailStore store) => store.Find(id) is { } mail
            ? TypedResults.Content(Message(mail), "text/html; charset=utf-8")
            : TypedResults.Content(Page("Not found", "<div class=\"card\"><p class=\"empty\">No such message.</p></div>"), "text/html; charset=utf-8", statusCode: 404));
        return app;
    }

    private static string List(IReadOnlyList<StoredMail> all, string? to)
    {
        var messages = string.IsNullOrWhiteSpace(to) ? all : all.Where(m => m.IsFor(to)).ToList();
        var html = new StringBuilder();
        html.Append("<div class=\"card\"><div class=\"card-header\"><h2>Inbox</h2><span class=\"count\">")
            .Append(messages.Count.ToString(CultureInfo.InvariantCulture)).Append(messages.Count == 1 ? " message" : " messages")
            .Append("</span><form method=\"get\" action=\"/\"><input type=\"search\" name=\"to\" placeholder=\"Filter by recipient\" value=\"")
            .Append(E(to ?? "")).Append("\"></form></div>");
        if (messages.Count == 0)
        {
            html.Append("<p class=\"empty\">No mail yet. Messages the CRM sends appear here.</p></div>");
            return Page("Mail", html.ToString(), refresh: true);
        }

        html.Append("<table><thead><tr><th>Received</th><th>From</th><th>To</th><th>Subject</th></tr></thead><tbody>");
        foreach (var m in messages)
        {
            html.Append("<tr><td class=\"nowrap\">").Append(Time(m.ReceivedAt)).Append("</td><td>").Append(E(m.From))
                .Append("</td><td>").Append(E(string.Join(", ", m.To))).Append("</td><td><a href=\"/messages/").Append(E(m.Id)).Append("\">")
                .Append(E(m.Subject.Length > 0 ? m.Subject : "(no subject)")).Append("</a></td></tr>");
        }

        html.Append("</tbody></table></div>");
        return Page("Mail", html.ToString(), refresh: true);
    }

    private static string Message(StoredMail m)
    {
        var html = new StringBuilder();
        html.Append("<p><a href=\"/\">&larr; Inbox</a></p><div class=\"card\"><div class=\"card-header\"><h2>")
            .Append(E(m.Subject)).Append("</h2></div><dl>")
            .Append("<dt>From</dt><dd>").Append(E(m.From)).Append("</dd>")
            .Append("<dt>To</dt><dd>").Append(E(string.Join(", ", m.To))).Append("</dd>")
            .Append("<dt>Received</dt><dd>").Append(Time(m.ReceivedAt)).Append("</dd></dl>");
        if (m.Text is { } text)
        {
            html.Append("<pre class=\"body\">").Append(Linkify(text)).Append("</pre>");
        }

        if (m.Html is { } body)
        {
            // The HTML part in a sandbox: no script, links open in a new tab.
            html.Append("<h3>HTML version</h3><iframe sandbox=\"allow-popups allow-popups-to-escape-sandbox\" srcdoc=\"")
                .Append(E("<base target=\"_blank\">" + body)).Append("\"></iframe>");
        }

        html.Append("</div>");
        return Page(m.Subject, html.ToString());
    }

    /// <summary>The text HTML-encoded, with every http(s) URL made a link.</summary>
    private static string Linkify(string text)
    {
        var html = new StringBuilder();
        var last = 0;
        foreach (System.Text.RegularExpressions.Match url in StoredMail.Url().Matches(text))
        {
            html.Append(E(text[last..url.Index]));
            html.Append("<a href=\"").Append(E(url.Value)).Append("\" target=\"_blank\" rel=\"noopener\">").Append(E(url.Value)).Append("</a>");
            last = url.Index + url.Length;
        }

        return html.Append(E(text[last..])).ToString();
    }

    private static string Time(DateTime utc) =>
        $"<time datetime=\"{utc:O}\">{utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC</time>";

    private static string E(string value) => WebUtility.HtmlEncode(value);

    private static string Page(string title, string body, bool refresh = false) => $$"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        {{(refresh ? "<meta http-equiv=\"refresh\" content=\"10\">" : "")}}
        <title>{{E(title)}} · CRM mail sink</title>
        <style>
          body { margin: 0; font-family: -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; font-size: 13px; color: #181818; background: #f3f3f3; }
          header { background: #fff; border-bottom: 3px solid #0176d3; padding: 12px 24px; display: flex; align-items: center; gap: 12px; }
          header .logo { width: 32px; height: 32px; border-radius: 4px; background: #0176d3; color: #fff; display: grid; place-items: center; font-weight: 700; }
          header h1 { font-size: 18px; font-weight: 400; margin: 0; }
          header p { margin: 0; color: #706e6b; }
          main { padding: 16px 24px; max-width: 1200px; }
          .card { background: #fff; border: 1px solid #e5e5e5; border-radius: 4px; box-shadow: 0 2px 2px rgba(0,0,0,.1); padding: 0 0 12px; }
          .card-header { display: flex; align-items: center; gap: 12px; padding: 12px 16px; border-bottom: 1px solid #e5e5e5; }
          .card-header h2 { font-size: 16px; font-weight: 700; margin: 0; flex: 0 1 auto; }
          .card-header .count { color: #706e6b; flex: 1; }
          input[type=search] { border: 1px solid #c9c9c9; border-radius: 4px; padding: 6px 10px; min-width: 240px; }
          table { width: 100%; border-collapse: collapse; }
          th { text-align: left; background: #f3f3f3; color: #444; font-weight: 700; text-transform: uppercase; font-size: 12px; padding: 8px 16px; border-bottom: 1px solid #e5e5e5; }
          td { padding: 8px 16px; border-bottom: 1px solid #e5e5e5; vertical-align: top; }
          tr:hover td { background: #f3f3f3; }
          .nowrap { white-space: nowrap; }
          a { color: #0176d3; text-decoration: none; }
          a:hover { text-decoration: underline; }
          .empty { color: #706e6b; padding: 24px 16px; margin: 0; }
          dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; padding: 12px 16px; margin: 0; }
          dt { color: #706e6b; }
          dd { margin: 0; }
          pre.body { white-space: pre-wrap; font-family: inherit; font-size: 14px; margin: 0 16px; padding: 16px; border: 1px solid #e5e5e5; border-radius: 4px; background: #fafaf9; }
          h3 { font-size: 14px; margin: 16px 16px 8px; }
          iframe { width: calc(100% - 32px); height: 420px; margin: 0 16px; border: 1px solid #e5e5e5; border-radius: 4px; }
        </style>
        </head>
        <body>
        <header><div class="logo">✉</div><div><h1>Mail sink</h1><p>Every message the CRM sends in development, kept here instead of delivered.</p></div></header>
        <main>{{body}}</main>
        </body>
        </html>
        """;
}
