"""The web app: the Dash app factory, its pages, callbacks, components, embeds and downloads.

Owns `create_app`, one module per page (registered with Dash Pages), the shared chrome (navigation,
data stamp, export menu), reading a link's parameters into a view state, the callbacks that wire
controls to the analysis and the presentation, our own Dash components, and the download
callbacks. It is the top layer: it may import every other package but the intake.
"""
