using Duban.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddDubanWeb();

var app = builder.Build();
app.UseDubanWeb();

await DatabaseStartup.InitializeAsync(app.Services);
await app.RunAsync();

/// <summary>The entry point, public so that tests can start the application with WebApplicationFactory.</summary>
public partial class Program;
