require "open3"
require "shellwords"

class ThumbnailJob
  def perform(upload_path, width)
    # ruleid: ruby.command-injection
    system("convert #{upload_path} -resize #{width}x thumb.png")
    # ruleid: ruby.command-injection
    output = `identify -format '%wx%h' #{upload_path}`
    # ruleid: ruby.command-injection
    exif = %x(exiftool #{upload_path})
    [output, exif]
  end
end

class GitMirror
  def fetch(repo_url, ref)
    # ruleid: ruby.command-injection
    out, status = Open3.capture2e("git fetch #{repo_url} #{ref}")
    raise "fetch failed: #{out}" unless status.success?
    # ruleid: ruby.command-injection
    IO.popen("git log --oneline " + ref) { |io| io.read }
  end

  def archive(dir, dest)
    cmd = "tar czf #{dest} #{dir}"
    # ruleid: ruby.command-injection
    system(cmd, exception: true)
    # ruleid: ruby.command-injection
    exec "rsync -a #{dir} backup:/srv/"
  end

  def safe(repo_url, ref, dir, dest)
    # ok: ruby.command-injection
    out, status = Open3.capture2e("git", "fetch", repo_url, ref)
    # ok: ruby.command-injection
    system("tar", "czf", dest, dir, exception: true)
    # ok: ruby.command-injection
    IO.popen(["git", "log", "--oneline", ref]) { |io| io.read }
    # ok: ruby.command-injection
    system("uptime")
    # ok: ruby.command-injection
    listing = `ls -la /var/log`
    # ok: ruby.command-injection
    system("convert #{Shellwords.escape(dir)} #{dest.shellescape}")
    # ok: ruby.command-injection
    rows = connection.exec("SELECT 1")
    [out, status, listing, rows]
  end
end
