using System.Text;
using Duban.Cli;

// Chinese text must reach terminals and pipes as UTF-8 whatever the platform's default code page is.
Console.OutputEncoding = Encoding.UTF8;
return DubanCli.Run(args, CliConsole.FromSystemConsole());
