using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml;

namespace Duban.Benchmarks.Core;

/// <summary>One export over HTTP: time to the first byte and to the last, the file's size and rows, and what it cost the process.</summary>
/// <param name="PeakWorkingSet">The process's peak resident memory during the call (VmHWM, reset before it), in bytes.</param>
/// <param name="StartWorkingSet">The resident memory when the call started, in bytes.</param>
/// <param name="Allocated">Bytes allocated by the whole process (server and client) during the call.</param>
public sealed record ExportFigures(string Path, double FirstByteMs, double TotalMs, long Bytes, int Rows, long StartWorkingSet, long PeakWorkingSet, long Allocated);

/// <summary>
/// <c>core --export</c>: the province administrator's export of the 任务台账 (or <c>--export-path</c>) over HTTP from the
/// application on Kestrel in this process (docs/benchmarks.md, "Exports at size"). The body is written to a temporary
/// file, not kept, so that the client's copy does not count as the server's memory; the rows are then counted with the
/// Open XML SDK's forward-only reader.
/// </summary>
public static class ExportProbe
{
    public const string DefaultPath = "/api/v1/ledger.xlsx";

    public static async Task<ExportFigures> RunAsync(HttpClient client, Reader reader, string path, CancellationToken ct)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        ResetPeak();
        var startSet = Resident("VmRSS:");
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var file = System.IO.Path.GetTempFileName();
        try
        {
            var watch = Stopwatch.StartNew();
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", reader.Token);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            var buffer = new byte[81920];
            var first = await body.ReadAsync(buffer, ct);
            var firstByte = watch.Elapsed.TotalMilliseconds;
            long bytes = first;
            await using (var output = File.Create(file))
            {
                await output.WriteAsync(buffer.AsMemory(0, first), ct);
                for (int read; (read = await body.ReadAsync(buffer, ct)) > 0; bytes += read) await output.WriteAsync(buffer.AsMemory(0, read), ct);
            }
            var total = watch.Elapsed.TotalMilliseconds;
            var figures = new ExportFigures(path, firstByte, total, bytes, 0, startSet, Resident("VmHWM:"), GC.GetTotalAllocatedBytes(precise: true) - allocated);
            return figures with { Rows = CountRows(file) };
        }
        finally
        {
            File.Delete(file);
        }
    }

    public static void Print(IReadOnlyList<ExportFigures> runs)
    {
        Console.WriteLine();
        Console.WriteLine("| export | first byte ms | total ms | file MB | rows | RSS before MB | peak RSS MB | allocated MB |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in runs)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Path} | {r.FirstByteMs:F0} | {r.TotalMs:F0} | {r.Bytes / 1048576.0:F1} | {r.Rows:N0} | {r.StartWorkingSet / 1048576.0:F0} | {r.PeakWorkingSet / 1048576.0:F0} | {r.Allocated / 1048576.0:F0} |"));
    }

    /// <summary>The data rows of the first sheet (the header row not counted), read forward-only.</summary>
    private static int CountRows(string file)
    {
        using var document = SpreadsheetDocument.Open(file, false);
        var part = document.WorkbookPart!.WorksheetParts.First();
        using var reader = OpenXmlReader.Create(part);
        var rows = 0;
        while (reader.Read())
            if (reader.ElementType == typeof(Row) && reader.IsStartElement) rows++;
        return rows - 1;
    }

    /// <summary>Linux: writing 5 to clear_refs resets the peak resident set (VmHWM) to the current one.</summary>
    private static void ResetPeak()
    {
        try { File.WriteAllText("/proc/self/clear_refs", "5"); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private static long Resident(string field)
    {
        if (!File.Exists("/proc/self/status")) return field == "VmHWM:" ? Process.GetCurrentProcess().PeakWorkingSet64 : Environment.WorkingSet;
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }
}
