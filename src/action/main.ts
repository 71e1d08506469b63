// placeholder: wired by the integration step
