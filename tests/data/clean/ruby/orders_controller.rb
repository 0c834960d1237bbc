# frozen_string_literal: true

class OrdersController < ApplicationController
  SORTABLE = %w[created_at total status].freeze

  before_action :authenticate_user!
  before_action :set_order, only: %i[show invoice]

  def index
    sort = SORTABLE.include?(params[:sort]) ? params[:sort] : "created_at"
    direction = params[:direction] == "asc" ? :asc : :desc
    @orders = current_user.orders
                          .where(status: params.fetch(:status, "open"))
                          .where("total >= ?", params[:min_total].to_i)
                          .order(sort => direction)
                          .page(params[:page])
  end

  def search
    term = Order.sanitize_sql_like(params[:q].to_s)
    @orders = current_user.orders.where("reference ILIKE :term OR notes ILIKE :term", term: "%#{term}%")
    render :index
  end

  def show
    respond_to do |format|
      format.html
      format.json { render json: @order.as_json(only: %i[id reference total status]) }
    end
  end

  def invoice
    send_file @order.invoice_path, filename: "invoice-#{@order.reference}.pdf", type: "application/pdf"
  end

  def totals
    rows = Order.connection.exec_query(
      "SELECT status, SUM(total) AS total FROM orders WHERE customer_id = $1 GROUP BY status",
      "order totals",
      [current_user.id]
    )
    render json: rows.to_a
  end

  def export
    exporter = { "csv" => CsvExporter, "xlsx" => XlsxExporter }.fetch(params[:format_name]) do
      raise ActionController::BadRequest, "unknown format"
    end
    send_data exporter.new(current_user.orders).render, filename: "orders.#{params[:format_name]}"
  end

  private

  def set_order
    @order = current_user.orders.find(params[:id])
  end
end
