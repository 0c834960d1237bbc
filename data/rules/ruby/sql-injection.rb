class OrdersController < ApplicationController
  SORTABLE = %w[created_at total status].freeze

  def index
    # ruleid: ruby.sql-injection
    @orders = Order.where("customer_id = #{current_user.id} AND status = '#{params[:status]}'")
    # ruleid: ruby.sql-injection
    @orders = @orders.order("#{params[:sort]} DESC")
    # ok: ruby.sql-injection
    @recent = Order.where("customer_id = ? AND status = ?", current_user.id, params[:status])
    # ok: ruby.sql-injection
    @paid = Order.where(customer: current_user, status: "paid").order(created_at: :desc)
    # ok: ruby.sql-injection
    column = SORTABLE.include?(params[:sort]) ? params[:sort] : "created_at"
    # ok: ruby.sql-injection
    @sorted = Order.order(column => :desc)
  end

  def search
    term = params[:q].to_s
    # ruleid: ruby.sql-injection
    rows = Order.find_by_sql("SELECT * FROM orders WHERE reference LIKE '%" + term + "%'")
    # ok: ruby.sql-injection
    safe = Order.find_by_sql(["SELECT * FROM orders WHERE reference LIKE ?", "%#{term}%"])
    # ok: ruby.sql-injection
    named = Order.where("reference LIKE :term", term: "%#{Order.sanitize_sql_like(term)}%")
    render json: rows + safe + named
  end
end

class ReportQuery
  def initialize(connection)
    @connection = connection
  end

  def totals(since)
    # ruleid: ruby.sql-injection
    @connection.select_all("SELECT status, SUM(total) FROM orders WHERE created_at > '%s' GROUP BY status" % since)
  end

  def purge(days)
    # ruleid: ruby.sql-injection
    @connection.execute("DELETE FROM sessions WHERE updated_at < NOW() - INTERVAL '#{days} days'")
  end

  def by_customer(customer_id)
    # ruleid: ruby.sql-injection
    @connection.exec_query(<<~SQL)
      SELECT * FROM orders
      WHERE customer_id = #{customer_id}
    SQL
  end

  def safe_totals(since)
    # ok: ruby.sql-injection
    @connection.exec_query("SELECT status, SUM(total) FROM orders WHERE created_at > $1 GROUP BY status", "totals", [since])
  end
end

namespace :deploy do
  task :cleanup do
    on roles(:app) do
      # ok: ruby.sql-injection
      execute "rm -rf #{release_path}/tmp/cache"
    end
  end
end
