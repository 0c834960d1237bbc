package com.example.web;

import java.io.IOException;
import java.io.PrintWriter;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.owasp.encoder.Encode;

public class SearchServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html");
        // ruleid: java.reflected-xss
        response.getWriter().write(request.getParameter("q"));
        PrintWriter out = response.getWriter();
        // ruleid: java.reflected-xss
        out.println("<h1>Results for " + request.getParameter("q") + "</h1>");
        // ok: java.reflected-xss
        out.println("<p>" + Encode.forHtml(request.getParameter("q")) + "</p>");
        // ok: java.reflected-xss
        out.println("<footer>" + getServletName() + "</footer>");
    }
}
