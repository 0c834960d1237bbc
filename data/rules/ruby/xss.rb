module CommentsHelper
  def comment_body(comment)
    # ruleid: ruby.xss
    "<div class=\"comment\">#{comment.body}</div>".html_safe
  end

  def author_link(user)
    # ruleid: ruby.xss
    raw("<a href=\"/users/#{user.id}\">#{user.name}</a>")
  end

  def signature(user)
    # ruleid: ruby.xss
    user.signature_html.html_safe
  end

  def safe_variants(comment, user)
    # ok: ruby.xss
    icon = '<i class="icon-star"></i>'.html_safe
    # ok: ruby.xss
    body = content_tag(:div, comment.body, class: "comment")
    # ok: ruby.xss
    link = link_to(user.name, user_path(user))
    # ok: ruby.xss
    cleaned = sanitize(comment.body_html, tags: %w[b i a p], attributes: %w[href])
    # ok: ruby.xss
    escaped = "<p>#{h(comment.body)}</p>"
    safe_join([icon, body, link, cleaned, escaped], "\n")
  end
end

class PagesController < ApplicationController
  def preview
    # ruleid: ruby.xss
    render html: "<h1>#{params[:title]}</h1>".html_safe
  end

  def show
    # ok: ruby.xss
    render "show", locals: { title: params[:title] }
  end

  def banner
    # ruleid: ruby.xss
    render inline: "<div class='banner'><%= '#{params[:message]}' %></div>"
  end

  def plain
    # ok: ruby.xss
    render html: params[:title]
  end
end
