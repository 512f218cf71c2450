using System.Security.Cryptography;

namespace Duban.Data.Tracking;

/// <summary>
/// Evidence files on disk, under the data directory: <c>evidence/ab/abcdef…</c>, named by the content's SHA-256 and
/// never by the uploaded name, so a name cannot reach outside the folder and the same file uploaded twice is stored once.
/// </summary>
public sealed class EvidenceStore(string directory)
{
    public const string FolderName = "evidence";

    public static EvidenceStore Under(DatabaseOptions options) => new(Path.Combine(Path.GetFullPath(options.DataDirectory), FolderName));

    public string Directory => directory;

    public string PathOf(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower)) throw new ArgumentException("Not a lower-case hex SHA-256.", nameof(sha256));
        return Path.Combine(directory, sha256[..2], sha256);
    }

    public bool Exists(string sha256) => File.Exists(PathOf(sha256));

    public Stream Open(string sha256) => new FileStream(PathOf(sha256), FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);

    /// <summary>
    /// Copies the content to a temporary file while hashing it, then moves it to its name; a file of the same content
    /// already there is kept and the copy dropped.
    /// </summary>
    /// <returns>The content's SHA-256, lower-case hex.</returns>
    public async Task<string> SaveAsync(Stream content, CancellationToken ct = default)
    {
        System.IO.Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, "upload-" + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            string sha256;
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[64 * 1024];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }
                sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            }
            var target = PathOf(sha256);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (!File.Exists(target))
            {
                try
                {
                    File.Move(temporary, target);
                }
                catch (IOException) when (File.Exists(target))
                {
                    // Someone stored the same content meanwhile: theirs is this file.
                }
            }
            return sha256;
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
