using Crm.MailSink;

// The development mail server (docs/architecture.md, Mail): accepts SMTP on MailSink:SmtpPort, keeps every message
// under MailSink:Directory and shows them at / (a page) and /api/messages (JSON, what the tests read).
var builder = WebApplication.CreateBuilder(args);
builder.AddMailSink();

var app = builder.Build();
app.MapMailPages();
app.MapMailApi();
app.MapGet("/health", () => TypedResults.Text("Healthy"));

app.Run();
