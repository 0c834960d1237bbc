// Mini cart for the marketing site, loaded with a <script> tag.
(function () {
  var API = "https://api.basketly.example";

  function render(el, cart) {
    var html = "<ul class='mini-cart'>";
    for (var i = 0; i < cart.items.length; i++) {
      var item = cart.items[i];
      html += "<li>" + item.name + " x " + item.quantity + "</li>";
    }
    html += "</ul><p>Total: " + (cart.total_cents / 100).toFixed(2) + " EUR</p>";
    el.innerHTML = html;
  }

  function load(el) {
    var xhr = new XMLHttpRequest();
    xhr.open("GET", API + "/cart");
    xhr.withCredentials = true;
    xhr.onload = function () {
      if (xhr.status === 200) {
        render(el, JSON.parse(xhr.responseText));
      }
    };
    xhr.send();
  }

  window.addEventListener("DOMContentLoaded", function () {
    var el = document.getElementById("basketly-cart");
    if (el) {
      load(el);
    }
  });
})();
