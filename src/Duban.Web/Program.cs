using Duban.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
ListenAddress.UseDefaultWhenUnconfigured(builder);
builder.AddDubanWeb();

var app = builder.Build();
// Before the database is prepared: a taken port is the operator's to fix, told in one line, not a stack trace.
if (ListenAddress.FindBusy(app.Configuration) is { } busy)
{
    Console.Error.WriteLine(ListenAddress.Message(busy));
    return ListenAddress.AddressInUseExitCode;
}
app.UseDubanWeb();

await DatabaseStartup.InitializeAsync(app.Services);
return await ListenAddress.RunAsync(app);

/// <summary>The entry point, public so that tests can start the application with WebApplicationFactory.</summary>
public partial class Program;
