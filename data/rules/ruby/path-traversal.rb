class DownloadsController < ApplicationController
  REPORTS = Rails.root.join("storage", "reports").freeze

  def show
    # ruleid: ruby.path-traversal
    send_file Rails.root.join("storage", "reports", params[:name])
  end

  def preview
    # ruleid: ruby.path-traversal
    render plain: File.read(File.join(REPORTS, params[:file]))
  end

  def destroy
    # ruleid: ruby.path-traversal
    FileUtils.rm_rf("/srv/app/tmp/#{params.fetch(:folder)}")
    head :no_content
  end

  def safe_show
    report = current_user.reports.find(params[:id])
    # ok: ruby.path-traversal
    send_file report.file_path, filename: "#{report.title}.pdf"
  end

  def safe_preview
    # ok: ruby.path-traversal
    path = REPORTS.join(File.basename(params[:file].to_s)).expand_path
    raise ActionController::RoutingError, "not found" unless path.to_s.start_with?(REPORTS.to_s)
    # ok: ruby.path-traversal
    render plain: File.read(path)
  end
end
